import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderCurrentActa, outcomeText, type ActaData, type ActaHashes } from "../../acta"
import { mexicoDate } from "../../delivery/rules"
import type { ContractOfOrder } from "./load"

export type RenderActaStepInput = {
  reception: {
    id: string
    outcome: "full" | "partial" | "rejected"
    notes: string | null
    received_at: Date | string
    received_by_person_id: string
    days_late: number
    penalty_amount: string
    lines: {
      contract_line: number
      shipped_quantity: number
      accepted_quantity: number
      rejected_quantity: number
      notes: string | null
      serials: string[] | null
    }[]
  }
  contract: ContractOfOrder
  delivery_note: string
}

export type RenderedActa = { data: ActaData; html: string; pdf_base64: string; hashes: ActaHashes }

export const renderActaStepId = "e-invoicing-render-acta"
/**
 * This step renders the reception's acta de entrega-recepción (current
 * template version; HTML and PDF the way specific contracts are rendered)
 * from the reception, its contract and the receiving person's registry
 * name and RFC. Pure computation plus one read: nothing to compensate.
 */
export const renderActaStep = createStep(renderActaStepId, async (input: RenderActaStepInput, { container }) => {
  const orgs = container.resolve<{ listPeople: (f: object, c?: object) => Promise<{ id: string; full_name: string; rfc: string }[]> }>(
    "organization",
  )
  const [person] = await orgs.listPeople({ id: input.reception.received_by_person_id }, { take: 1 })
  const { reception: r, contract: c } = input
  const receivedAt = new Date(r.received_at)
  const rendered = await renderCurrentActa(
    {
      folio: `AER-${r.id.replace(/^rcp_/, "").toUpperCase()}`,
      reception_id: r.id,
      contract_number: c.number,
      delivery_note: input.delivery_note,
      received_on: mexicoDate(receivedAt),
      place: c.parties.delivery_place ?? "el lugar de entrega pactado",
      agency: c.parties.agency,
      supplier: c.parties.supplier,
      received_by: { person_id: r.received_by_person_id, full_name: person?.full_name ?? "", rfc: person?.rfc ?? "" },
      outcome: r.outcome,
      outcome_text: outcomeText(r.outcome),
      notes: r.notes,
      lines: r.lines.map((l) => {
        const terms = c.lines.find((x) => x.line === l.contract_line)
        return {
          contract_line: l.contract_line,
          description: terms?.description ?? "",
          item_code: terms?.item_code ?? "",
          shipped_quantity: l.shipped_quantity,
          accepted_quantity: l.accepted_quantity,
          rejected_quantity: l.rejected_quantity,
          notes: l.notes,
          serials: l.serials?.length ? l.serials.join(", ") : null,
        }
      }),
      penalty: {
        days_late: r.days_late,
        amount: r.penalty_amount,
        rate_per_day_percent: c.penalties.rate_per_day_percent,
        cap_percent: c.penalties.cap_percent,
      },
    },
    receivedAt,
  )
  const out: RenderedActa = {
    data: rendered.data,
    html: rendered.html,
    pdf_base64: rendered.pdf.toString("base64"),
    hashes: rendered.hashes,
  }
  return new StepResponse(out)
})
