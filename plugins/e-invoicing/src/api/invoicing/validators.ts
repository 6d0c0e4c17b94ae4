import { z } from "@medusajs/framework/zod"
import { fieldsSchema } from "@tienda/organizations/http"

export const SupplierSubmitInvoice = z
  .object({
    /** The order (released by the supplier's contract) the CFDI bills. */
    order_id: z.string().trim().min(1).max(64),
    /** The stamped CFDI 4.0, as XML text. */
    xml: z.string().min(20).max(2_000_000),
  })
  .strict()
export type SupplierSubmitInvoiceType = z.infer<typeof SupplierSubmitInvoice>

export const SupplierListInvoices = z
  .object({
    status: z.enum(["accepted", "exception", "payment_requested", "authorized", "exercised", "paid"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    ...fieldsSchema,
  })
  .strict()
export type SupplierListInvoicesType = z.infer<typeof SupplierListInvoices>

export const SupplierSubmitComplement = z
  .object({
    /** The stamped complemento de pago (CFDI 4.0 type P with Pagos 2.0), as XML text. */
    xml: z.string().min(20).max(2_000_000),
  })
  .strict()
export type SupplierSubmitComplementType = z.infer<typeof SupplierSubmitComplement>

export const SupplierSubmitCreditNote = z
  .object({
    /** The stamped nota de crédito (CFDI 4.0 type E related to the invoice with TipoRelacion 01), as XML text. */
    xml: z.string().min(20).max(2_000_000),
  })
  .strict()
export type SupplierSubmitCreditNoteType = z.infer<typeof SupplierSubmitCreditNote>
