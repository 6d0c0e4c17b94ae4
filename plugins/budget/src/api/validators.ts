import { z } from "@medusajs/framework/zod"
import { paginationSchema } from "@tienda/organizations/http"
import { AMOUNT_PATTERN } from "../utils/money"

const amount = z.string().regex(AMOUNT_PATTERN, "importe decimal con a lo más dos decimales, p. ej. 1250.50")

export const StoreBudgetCheck = z
  .object({ budget_key_id: z.string().min(1), amount })
  .strict()
export type StoreBudgetCheckType = z.infer<typeof StoreBudgetCheck>

export const StoreBudgetReserve = z
  .object({
    budget_key_id: z.string().min(1),
    amount,
    reference_type: z.enum(["requisition", "order", "contract"]),
    reference_id: z.string().min(1).max(100),
  })
  .strict()
export type StoreBudgetReserveType = z.infer<typeof StoreBudgetReserve>

export const ListBudgetKeys = z
  .object({
    ...paginationSchema,
    fiscal_year: z.coerce.number().int().optional(),
    partida_especifica: z.string().optional(),
    organization_id: z.string().optional(),
  })
  .strict()
export type ListBudgetKeysType = z.infer<typeof ListBudgetKeys>

export const ListLedger = z.object({ ...paginationSchema }).strict()
export type ListLedgerType = z.infer<typeof ListLedger>
