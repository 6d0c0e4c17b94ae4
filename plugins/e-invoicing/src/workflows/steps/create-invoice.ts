import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { InvoicedLine } from "../../invoicing/context"
import { einv } from "./load"

export type CreateInvoiceStepInput = {
  uuid: string
  order_id: string
  specific_contract_id: string
  supplier_id: string
  agency_id: string
  serie: string | null
  folio: string | null
  issued_at: string | null
  metodo_pago: string
  subtotal: string
  iva: string
  total: string
  currency_code: string
  xml: string
  summary: Record<string, unknown>
  lines: InvoicedLine[]
  accepted_at: Date
  due_date: string
  submitted_by_person_id: string
}

export const createInvoiceStepId = "e-invoicing-create-invoice"
/**
 * This step stores the accepted CFDI. The unique index on the UUID is the
 * last word on "once across every agency": a concurrent twin fails here
 * (CFDI_UUID_DUPLICADO, 409). Compensation deletes it (the supplier may
 * present it again).
 */
export const createInvoiceStep = createStep(
  createInvoiceStepId,
  async (input: CreateInvoiceStepInput, { container }) => {
    try {
      const invoice = await einv(container).createInvoices({
        ...input,
        lines: input.lines as unknown as Record<string, unknown>,
        status: "accepted",
      })
      return new StepResponse(invoice, invoice.id)
    } catch (e) {
      if (/IDX_einv_invoice_uuid_unique|duplicate key|already exists/i.test(String((e as Error).message))) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `El CFDI ${input.uuid} ya fue presentado y aceptado antes (en esta u otra dependencia); una factura solo se paga una vez.`,
          "CFDI_UUID_DUPLICADO",
        )
      }
      throw e
    }
  },
  async (id, { container }) => {
    if (id) {
      await einv(container).deleteInvoices(id)
    }
  },
)
