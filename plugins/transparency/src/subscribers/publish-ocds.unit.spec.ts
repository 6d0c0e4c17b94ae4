import type { MedusaContainer } from "@medusajs/framework/types"
import { SOURCE_EVENTS as E } from "../publish/tags"
import { config, processesOf } from "./publish-ocds"

// events that name their process need no lookup: a container that is never used
const none = {} as MedusaContainer

describe("processesOf — which contracting process an event changes", () => {
  it("framework events → the framework process; competition events → the competition's", async () => {
    expect(await processesOf(none, E.FRAMEWORK_ENROLMENT_CHANGED, { contract_id: "fwc_1" })).toEqual([
      { kind: "framework", source_id: "fwc_1" },
    ])
    expect(await processesOf(none, E.COMPETITION_OPENED, { id: "mcomp_1" })).toEqual([{ kind: "competition", source_id: "mcomp_1" }])
    expect(await processesOf(none, E.COMPETITION_AWARDED, { competition_id: "mcomp_2" })).toEqual([
      { kind: "competition", source_id: "mcomp_2" },
    ])
  })
  it("republish names its process; malformed payloads and unknown events publish nothing", async () => {
    expect(await processesOf(none, E.REPUBLISH, { kind: "call_off", source_id: "spc_1" } as never)).toEqual([
      { kind: "call_off", source_id: "spc_1" },
    ])
    expect(await processesOf(none, E.REPUBLISH, { kind: "order", source_id: "x" } as never)).toEqual([])
    expect(await processesOf(none, E.FRAMEWORK_CREATED, {})).toEqual([])
    expect(await processesOf(none, "product.created", { id: "prod_1" })).toEqual([])
  })
  it("listens to every source event, the payment event of e-invoicing included", () => {
    expect(config.event).toEqual(
      expect.arrayContaining(["specific_contract.in_force", "e_invoicing.payment_paid", "mini_competition.awarded"]),
    )
  })
})
