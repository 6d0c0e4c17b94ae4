import { MedusaError } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { isComplementOverdue } from "../../delivery/rules"
import { einvService } from "../delivery/helpers"

type InvoiceRow = Awaited<ReturnType<ReturnType<typeof einvService>["retrieveInvoice"]>>
type PaymentRow = Awaited<ReturnType<ReturnType<typeof einvService>["retrievePaymentRequest"]>>

/** What a party sees of an invoice and its payment (the XML only on request). */
export function invoiceView(row: InvoiceRow, payment: PaymentRow | null, withXml = false, now: Date = new Date()) {
  const { xml, ...rest } = row
  return {
    ...rest,
    ...(withXml ? { xml } : {}),
    payment: payment
      ? {
          id: payment.id,
          status: payment.status,
          amount: payment.amount,
          penalty_deduction: payment.penalty_deduction,
          net_amount: payment.net_amount,
          deductions: payment.deductions ?? [],
          due_date: payment.due_date,
          clc_folio: payment.clc_folio,
          clave_rastreo: payment.clave_rastreo,
          paid_at: payment.paid_at,
          paid_late: payment.paid_late,
          complement_status: payment.complement_status,
          complement_due_date: payment.complement_due_date,
          complement_overdue: isComplementOverdue(payment.complement_due_date, payment.complement_status === "received" ? true : null, now),
          credit_note_status: payment.credit_note_status,
        }
      : null,
  }
}

/** An invoice of the caller's organization (as supplier or as agency), 404 otherwise. */
export async function ownInvoice(req: AuthorizedRequest, id: string, side: "supplier" | "agency") {
  const service = einvService(req)
  const [row] = await service.listInvoices(
    { id, [side === "supplier" ? "supplier_id" : "agency_id"]: req.access.organization_id },
    { take: 1 },
  )
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "La factura no existe o no es de tu organización.", "FACTURA_NO_EXISTE")
  }
  const [payment] = await service.listPaymentRequests({ invoice_id: row.id }, { take: 1 })
  return { row, payment: payment ?? null }
}
