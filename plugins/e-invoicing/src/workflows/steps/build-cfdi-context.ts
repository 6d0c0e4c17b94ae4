import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseCfdi } from "../../cfdi/document"
import { invoiceContext } from "../../invoicing/context"
import { contractOfOrder, einv, tallyOf } from "./load"

export type BuildCfdiContextStepInput = { order_id: string; supplier_id: string; xml: string }

type Org = { rfc: string; legal_name: string; codigo_postal: string; regimen_fiscal: string }

export const buildCfdiContextStepId = "e-invoicing-build-cfdi-context"
/**
 * This step reads, in one place, everything a CFDI for the order is judged
 * against: the supplier's RFC, the agency's fiscal data, the contract lines
 * with what was received and not invoiced, what that is worth, whether the
 * CFDI's UUID was accepted before (any agency). (The trusted CAs are added
 * by the validation step: certificates do not survive a step's serialized output.)
 */
export const buildCfdiContextStep = createStep(buildCfdiContextStepId, async (input: BuildCfdiContextStepInput, { container }) => {
  const contract = await contractOfOrder(container, input.order_id, { supplier_id: input.supplier_id })
  const orgs = container.resolve<{ listOrganizations: (f: object, c?: object) => Promise<(Org & { id: string })[]> }>("organization")
  const parties = await orgs.listOrganizations({ id: [contract.supplier_id, contract.agency_id] })
  const supplier = parties.find((p) => p.id === contract.supplier_id)!
  const agency = parties.find((p) => p.id === contract.agency_id)!
  const parsed = parseCfdi(input.xml)
  const uuid = parsed.ok ? (parsed.model.timbre?.attrs.UUID ?? null) : null
  const seen = uuid
    ? await einv(container).listInvoices({ uuid: [uuid, uuid.toUpperCase(), uuid.toLowerCase()] }, { select: ["uuid"], withDeleted: true })
    : []
  const context = invoiceContext({
    supplier_rfc: supplier.rfc,
    agency,
    lines: contract.lines,
    tally: await tallyOf(container, input.order_id),
    accepted_uuids: seen.map((s) => s.uuid),
    payment_plan: contract.payment_plan,
  })
  return new StepResponse({ contract, context })
})
