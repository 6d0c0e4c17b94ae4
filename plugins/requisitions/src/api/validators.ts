import { z } from "@medusajs/framework/zod"
import { PAYMENT_PLANS } from "@tienda/contracts/workflows"
import { fieldsSchema, paginationSchema } from "@tienda/organizations/http"

const day = z.iso.date()
const line = z
  .object({
    variant_id: z.string().min(1),
    quantity: z.number().int().min(1).max(1_000_000),
    delivery_place: z.string().trim().min(3).max(300).nullish(),
    delivery_date: day.nullish(),
  })
  .strict()

const address = z
  .object({
    street: z.string().trim().min(3).max(200),
    colonia: z.string().trim().min(2).max(120),
    municipio: z.string().trim().min(2).max(120),
    estado: z.string().trim().min(2).max(60),
    codigo_postal: z.string().regex(/^\d{5}$/, "Código postal de cinco dígitos"),
  })
  .strict()

export const StoreCreateRequisition = z
  .object({
    cart_id: z.string().min(1),
    unit_id: z.string().min(1),
    justification: z.string().trim().min(10).max(4000),
    budget_key_id: z.string().min(1),
    delivery_place: z.string().trim().min(3).max(300),
    delivery_date: day,
    delivery_address: address.nullish(),
  })
  .strict()
export type StoreCreateRequisitionType = z.infer<typeof StoreCreateRequisition>

export const StoreEditRequisition = z
  .object({
    justification: z.string().trim().min(10).max(4000).optional(),
    budget_key_id: z.string().min(1).optional(),
    delivery_place: z.string().trim().min(3).max(300),
    delivery_date: day,
    delivery_address: address.nullish(),
    lines: z.array(line).min(1).max(500),
  })
  .strict()

const envelope = z.object({ certificate: z.string().min(100).max(20000), signature: z.string().min(16).max(4000) }).strict()
export type StoreEditRequisitionType = z.infer<typeof StoreEditRequisition>

export const StoreDecide = z
  .object({
    decision: z.enum(["approve", "reject", "return"]),
    reason: z.string().trim().max(2000).nullish(),
    signature: envelope.nullish(),
  })
  .strict()
export type StoreDecideType = z.infer<typeof StoreDecide>

export const StoreListRequisitions = z
  .object({
    ...paginationSchema,
    ...fieldsSchema,
    status: z
      .enum(["draft", "pending_approval", "returned", "rejected", "approved", "requires_competition", "contracted", "ordered", "cancelled"])
      .optional(),
  })
  .strict()
export type StoreListRequisitionsType = z.infer<typeof StoreListRequisitions>

export const StoreGetRequisition = z.object({ ...fieldsSchema }).strict()
export type StoreGetRequisitionType = z.infer<typeof StoreGetRequisition>

export const StoreInbox = z.object({ ...paginationSchema, unit_id: z.string().optional() }).strict()
export type StoreInboxType = z.infer<typeof StoreInbox>

export const StoreCreateDelegation = z
  .object({
    delegate_person_id: z.string().min(1),
    role: z.string().min(1),
    starts_at: z.iso.datetime({ offset: true }).or(day),
    ends_at: z.iso.datetime({ offset: true }).or(day),
    reason: z.string().trim().max(500).nullish(),
  })
  .strict()

const decimal = z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, "Importe inválido: usa números con hasta dos decimales, p. ej. 50000.00")
export type StoreCreateDelegationType = z.infer<typeof StoreCreateDelegation>

export const StoreSetPolicy = z
  .object({
    steps: z
      .array(
        z
          .object({
            sequence: z.number().int().min(1).max(20),
            role: z.string().min(1),
            min_amount: decimal,
            sla_hours: z
              .number()
              .int()
              .min(1)
              .max(24 * 60),
            escalate_to_role: z.string().min(1).nullish(),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    split_window_days: z.number().int().min(1).max(365).optional(),
    max_delegation_days: z.number().int().min(1).max(365).optional(),
  })
  .strict()
export type StoreSetPolicyType = z.infer<typeof StoreSetPolicy>

export const Empty = z.object({}).strict()

/**
 * Generating the specific contracts: the Purchasing Unit chooses how the
 * agency pays them — `una_exhibicion` (CFDI with MetodoPago PUE, the
 * default) or `parcialidades_o_diferido` (PPD, a complemento de pago per
 * payment). Stored on each contract and said in its fourth clause.
 */
export const StoreGenerateContracts = z.object({ payment_plan: z.enum(PAYMENT_PLANS).optional() }).strict()
export type StoreGenerateContractsType = z.infer<typeof StoreGenerateContracts>

export const StoreRevokeDelegation = z.object({ reason: z.string().trim().min(5).max(500) }).strict()
export type StoreRevokeDelegationType = z.infer<typeof StoreRevokeDelegation>

export const StoreWithdraw = z.object({ reason: z.string().trim().min(5).max(2000) }).strict()
export type StoreWithdrawType = z.infer<typeof StoreWithdraw>

export const SupplierAcknowledge = z.object({ promised_delivery_date: day, note: z.string().trim().max(1000).nullish() }).strict()
export type SupplierAcknowledgeType = z.infer<typeof SupplierAcknowledge>
