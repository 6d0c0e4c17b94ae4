import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseCfdi } from "../../cfdi/document"
import type { CfdiValidationContext } from "../../cfdi/types"
import { einv } from "./load"

export type BuildComplementContextStepInput = { invoice_id: string; supplier_id: string; xml: string }

type Org = { id: string; rfc: string; legal_name: string; codigo_postal: string; regimen_fiscal: string }

export const buildComplementContextStepId = "e-invoicing-build-complement-context"
/**
 * This step reads what a complemento de pago is judged against (read-only):
 * the supplier's PPD invoice, paid and still owing its complement; the
 * parties (issuer = the supplier, receptor = the agency's SAT data); whether
 * its UUID was accepted before as an invoice or a complement; and what the
 * SPEI transfer paid (the payment request's net).
 */
export const buildComplementContextStep = createStep(
  buildComplementContextStepId,
  async (input: BuildComplementContextStepInput, { container }) => {
    const service = einv(container)
    const [invoice] = await service.listInvoices({ id: input.invoice_id, supplier_id: input.supplier_id }, { take: 1 })
    if (!invoice) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "La factura no existe o no es de tu organización.", "FACTURA_NO_EXISTE")
    }
    if (invoice.metodo_pago !== "PPD") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `La factura ${invoice.uuid} es PUE (pago en una exhibición): no lleva complemento de pago.`,
        "FACTURA_NO_ES_PPD",
      )
    }
    const [request] = await service.listPaymentRequests({ invoice_id: invoice.id }, { take: 1 })
    if (!request || request.status !== "paid") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `La factura ${invoice.uuid} aún no se paga; el complemento de pago se emite después del pago.`,
        "PAGO_NO_REALIZADO",
      )
    }
    if (request.complement_status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `El complemento de pago de la factura ${invoice.uuid} ya se recibió.`,
        "COMPLEMENTO_YA_RECIBIDO",
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
        ]
      : []
    const context: CfdiValidationContext = {
      supplier: { rfc: supplier.rfc },
      agency: { rfc: agency.rfc, nombre: agency.legal_name, domicilio_fiscal: agency.codigo_postal, regimen_fiscal: agency.regimen_fiscal },
      expected_lines: [],
      amount_owed: null,
      accepted_uuids: seen.map((s) => s.uuid),
      payment_plan: "parcialidades_o_diferido",
      expected_type: "P",
      stamp_certificates: {},
    }
    return new StepResponse({
      context,
      invoice: { id: invoice.id, uuid: invoice.uuid, agency_id: invoice.agency_id, supplier_id: invoice.supplier_id },
      request: { id: request.id, net_amount: request.net_amount, complement_due_date: request.complement_due_date },
    })
  },
)
