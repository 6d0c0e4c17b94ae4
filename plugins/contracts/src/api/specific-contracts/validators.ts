import { z } from "@medusajs/framework/zod"
import { fieldsSchema, paginationSchema } from "@tienda/organizations/http"

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "fecha AAAA-MM-DD")
const id = z.string().min(1).max(100)

export const ListSpecificContracts = z
  .object({
    ...paginationSchema,
    ...fieldsSchema,
    status: z.enum(["draft", "pending_signatures", "partially_signed", "in_force", "cancelled"]).optional(),
    kind: z.enum(["contract", "amendment"]).optional(),
  })
  .strict()
export type ListSpecificContractsType = z.infer<typeof ListSpecificContracts>

export const AdminListSpecificContracts = ListSpecificContracts.extend({
  agency_id: id.optional(),
  supplier_id: id.optional(),
}).strict()
export type AdminListSpecificContractsType = z.infer<typeof AdminListSpecificContracts>

export const SignSpecificContract = z
  .object({
    certificate: z.string().min(100).max(20_000),
    signature: z.string().min(16).max(4_000),
    document_sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict()
export type SignSpecificContractType = z.infer<typeof SignSpecificContract>

export const CreateContractAmendment = z
  .object({
    reason: z.string().min(10).max(2000),
    changes: z
      .array(
        z
          .object({ line: z.number().int().min(1), quantity: z.number().int().min(0).optional(), delivery_date: isoDate.optional() })
          .strict(),
      )
      .min(1)
      .max(200),
    agency_signer_person_id: id.optional(),
  })
  .strict()
export type CreateContractAmendmentType = z.infer<typeof CreateContractAmendment>

export const CancelSpecificContract = z.object({ reason: z.string().min(10).max(2000) }).strict()
export type CancelSpecificContractType = z.infer<typeof CancelSpecificContract>

export const ListContractTemplates = z.object({ ...paginationSchema, code: z.string().max(100).optional() }).strict()
export type ListContractTemplatesType = z.infer<typeof ListContractTemplates>

export const CreateContractTemplate = z
  .object({
    code: z.enum(["contrato_especifico", "convenio_modificatorio"]),
    title: z.string().min(5).max(300),
    body: z.string().min(50).max(200_000),
    effective_from: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
export type CreateContractTemplateType = z.infer<typeof CreateContractTemplate>
