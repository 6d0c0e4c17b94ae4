import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseCfdi } from "../../cfdi/document"
import type { CfdiValidationContext } from "../../cfdi/types"
import { einv } from "./load"

export type BuildCreditNoteContextStepInput = { invoice_id: string; supplier_id: string; xml: string }

type Org = { id: string; rfc: string; legal_name: string; codigo_postal: string; regimen_fiscal: string }

export const buildCreditNoteContextStepId = "e-invoicing-build-credit-note-context"
/**
 * This step reads what a nota de crédito for a withheld pena convencional
 * is judged against (read-only): the supplier's invoice whose payment
 * request withholds a penalty and still owes its credit note; the parties
 * (issuer = the supplier, receptor = the agency's SAT data); whether its
 * UUID was accepted before as an invoice, a payment complement or a credit
 * note; and the penalty withheld (the payment request's penalty_deduction).
 */
export const buildCreditNoteContextStep = createStep(
  buildCreditNoteContextStepId,
  async (input: BuildCreditNoteContextStepInput, { container }) => {
    const service = einv(container)
    const [invoice] = await service.listInvoices({ id: input.invoice_id, supplier_id: input.supplier_id }, { take: 1 })
    if (!invoice) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "La factura no existe o no es de tu organización.", "FACTURA_NO_EXISTE")
    }
    const [request] = await service.listPaymentRequests({ invoice_id: invoice.id }, { take: 1 })
    if (!request || !request.credit_note_status) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Del pago de la factura ${invoice.uuid} no se retiene pena convencional; no lleva nota de crédito.`,
        "SIN_PENA_RETENIDA",
      )
    }
    if (request.credit_note_status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `La nota de crédito de la pena retenida del pago de la factura ${invoice.uuid} ya se recibió.`,
        "NOTA_CREDITO_YA_RECIBIDA",
      )
    }
    const orgs = container.resolve<{ listOrganizations: (f: object, c?: object) => Promise<Org[]> }>("organization")
    const parties = await orgs.listOrganizations({ id: [invoice.supplier_id, invoice.agency_id] })
    const supplier = parties.find((p) => p.id === invoice.supplier_id)!
    const agency = parties.find((p) => p.id === invoice.agency_id)!
    const parsed = parseCfdi(input.xml)
    const uuid = parsed.ok ? (parsed.model.timbre?.attrs.UUID ?? null) : null
    const variants = uuid ? [uuid, uuid.toUpperCase(), uuid.toLowerCase()] : []
    const seen = uuid
      ? [
          ...(await service.listInvoices({ uuid: variants }, { select: ["uuid"], withDeleted: true })),
          ...(await service.listPaymentComplements({ uuid: variants }, { select: ["uuid"], withDeleted: true })),
          ...(await service.listCreditNotes({ uuid: variants }, { select: ["uuid"], withDeleted: true })),
        ]
      : []
    const context: CfdiValidationContext = {
      supplier: { rfc: supplier.rfc },
      agency: { rfc: agency.rfc, nombre: agency.legal_name, domicilio_fiscal: agency.codigo_postal, regimen_fiscal: agency.regimen_fiscal },
      // no contract lines: the concept is the penalty, checked by checkCreditNote (total, relation)
      expected_lines: [],
      amount_owed: null,
      accepted_uuids: seen.map((s) => s.uuid),
      payment_plan: "una_exhibicion",
      expected_type: "E",
      stamp_certificates: {},
    }
    return new StepResponse({
      context,
      invoice: { id: invoice.id, uuid: invoice.uuid, agency_id: invoice.agency_id, supplier_id: invoice.supplier_id },
      request: { id: request.id, penalty_deduction: request.penalty_deduction },
    })
  },
)
