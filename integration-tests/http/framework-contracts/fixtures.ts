import request from "supertest"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reviewOfferRequestWorkflow, submitOfferRequestWorkflow } from "@tienda/framework-contracts/workflows"
import type { World } from "../../utils/world"

export const CLASSIFIER_CSV = [
  "Segment,Segment Title,Family,Family Title,Class,Class Title,Commodity,Commodity Title",
  "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121704,Ball point pens",
  "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121706,Wooden pencils",
].join("\n")

export const PEN = {
  code: "AM-001",
  name: "Bolígrafo tinta azul punto mediano",
  description: "Bolígrafo de tinta azul, punto mediano 1.0 mm, caja con 12 piezas",
  unspsc_code: "44121704",
  sat_clave_unidad: "XBX",
  ceiling_price: "58.50",
  delivery_states: ["CMX", "JAL"],
}

export const contractBody = (items: object[] = [PEN], number = "CM-SHCP-2026-001") => ({
  number,
  title: "Contrato marco de materiales y útiles de oficina",
  legal_basis: "Art. 17 LAASSP; Art. 14 RLAASSP",
  valid_from: "2026-01-01",
  valid_until: "2027-12-31",
  min_amount: "1000000.00",
  max_amount: "50000000.00",
  lots: [{ number: 1, title: "Papelería", competition_threshold: "300000.00", min_invitees: 3, bid_window_business_days: 5, items }],
})

/** Test helpers bound to the running app and its world of actors. */
export function catalogFixtures(world: () => World, baseUrl: () => string, container: () => MedusaContainer) {
  const token = (role: keyof World["actors"]) => world().actors[role].token
  const post = (path: string, body: object, bearer?: string) => {
    const r = request(baseUrl()).post(path)
    if (bearer) {
      r.set("authorization", `Bearer ${bearer}`)
    }
    if (path.startsWith("/store")) {
      r.set("x-publishable-api-key", world().publishableKey)
    }
    return r.send(body)
  }
  const get = (path: string, bearer?: string) => {
    const r = request(baseUrl()).get(path).set("x-publishable-api-key", world().publishableKey)
    return bearer ? r.set("authorization", `Bearer ${bearer}`) : r
  }
  const count = async (entity: string, filters: Record<string, unknown> = {}) => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    return (await query.graph({ entity, fields: ["id"], filters })).data.length
  }

  /** Classifier, crosswalk, a published contract with one item, two suppliers and unit SSA-AR01 enrolled. */
  async function publishedContract() {
    expect((await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, token("shcp_planning"))).status).toBe(200)
    await post(
      "/admin/classifier/crosswalk",
      { unspsc_code: "44121704", partida: "21101", partida_title: "Materiales y útiles de oficina" },
      token("shcp_planning"),
    )
    const created = await post("/admin/framework-contracts", contractBody(), token("shcp_contract_admin"))
    expect(created.status).toBe(201)
    const id = created.body.framework_contract.id as string
    const itemId = created.body.framework_contract.lots[0].items[0].id as string
    expect(
      (
        await post(
          `/admin/framework-contracts/${id}/suppliers`,
          { supplier_ids: [world().orgs.supplier, world().orgs.supplier2], valid_from: "2026-01-01" },
          token("shcp_contract_admin"),
        )
      ).status,
    ).toBe(200)
    expect(
      (await post(`/admin/framework-contracts/${id}/units`, { unit_ids: [world().units["SSA-AR01"]] }, token("shcp_contract_admin")))
        .status,
    ).toBe(200)
    expect((await post(`/admin/framework-contracts/${id}/status`, { status: "published" }, token("shcp_contract_admin"))).status).toBe(200)
    return { id, itemId }
  }

  /** An approved offer of `supplierId` at `price`, through the real workflows. */
  async function approvedOffer(itemId: string, supplierId: string, price: string, minOrderQty = 1) {
    const { result } = await submitOfferRequestWorkflow(container()).run({
      input: {
        supplier_id: supplierId,
        item_id: itemId,
        price,
        min_order_qty: minOrderQty,
        delivery_days: { CMX: 3, JAL: 5 },
        requested_by: "test",
      },
    })
    await reviewOfferRequestWorkflow(container()).run({
      input: { request_id: result.id, decision: "approve", reviewer: "test", at: new Date().toISOString() },
    })
  }

  return { token, post, get, count, publishedContract, approvedOffer }
}

/** Appends a final action that throws, so the whole workflow must compensate. */
export function failAtEnd<T extends { addAction: (...a: never[]) => unknown }>(wf: T): T {
  ;(wf.addAction as unknown as (name: string, h: unknown, o: unknown) => void)(
    "fail-at-end",
    {
      invoke: async () => {
        throw new Error("fallo inducido por la prueba")
      },
    },
    { noCompensation: true },
  )
  return wf
}
