import { z } from "@medusajs/framework/zod"

export const StoreListPaymentRequests = z
  .object({
    status: z.enum(["pending_authorization", "authorized", "exercised", "paid"]).optional(),
    /** PPD invoices' complemento de pago: pending, received, or overdue (pending after the fifth of the following month). */
    complement: z.enum(["pending", "received", "overdue"]).optional(),
    /** Payments withholding a pena convencional: the supplier's nota de crédito pending (not authorisable yet) or received. */
    credit_note: z.enum(["pending", "received"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListPaymentRequestsType = z.infer<typeof StoreListPaymentRequests>

export const StoreListAgencyInvoices = z
  .object({
    status: z.enum(["accepted", "exception", "payment_requested", "authorized", "exercised", "paid"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListAgencyInvoicesType = z.infer<typeof StoreListAgencyInvoices>

export const Empty = z.object({}).strict()

export const StoreConfirmPayment = z
  .object({
    /** SPEI clave de rastreo (own-resources keys; SIAFF reports its own). */
    clave_rastreo: z
      .string()
      .trim()
      .min(6)
      .max(30)
      .regex(/^[A-Za-z0-9]+$/, "solo letras y números")
      .optional(),
  })
  .strict()
export type StoreConfirmPaymentType = z.infer<typeof StoreConfirmPayment>
