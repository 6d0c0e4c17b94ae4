import { z } from "@medusajs/framework/zod"
import { fieldsSchema, paginationSchema } from "@tienda/organizations/http"
import { AMOUNT_PATTERN } from "../utils/money"

const amount = z.string().regex(AMOUNT_PATTERN, "importe decimal con a lo más dos decimales, p. ej. 1250.50")

export const StoreBudgetCheck = z.object({ budget_key_id: z.string().min(1), amount }).strict()
export type StoreBudgetCheckType = z.infer<typeof StoreBudgetCheck>

export const StoreBudgetReserve = z
  .object({
    budget_key_id: z.string().min(1),
    amount,
    reference_type: z.enum(["manual", "requisition", "order", "contract"]),
    /** For a manual reservation, the folio of the official document that backs it. */
    reference_id: z.string().trim().min(1).max(100),
    justification: z.string().trim().min(10).max(1000).optional(),
  })
  .strict()
export type StoreBudgetReserveType = z.infer<typeof StoreBudgetReserve>

export const StoreReleaseReservation = z.object({ reason: z.string().trim().min(5).max(1000) }).strict()
export type StoreReleaseReservationType = z.infer<typeof StoreReleaseReservation>

export const ListBudgetKeys = z
  .object({
    ...paginationSchema,
    ...fieldsSchema,
    fiscal_year: z.coerce.number().int().optional(),
    partida_especifica: z.string().optional(),
    organization_id: z.string().optional(),
  })
  .strict()
export type ListBudgetKeysType = z.infer<typeof ListBudgetKeys>

export const ListLedger = z.object({ ...paginationSchema }).strict()
export type ListLedgerType = z.infer<typeof ListLedger>
