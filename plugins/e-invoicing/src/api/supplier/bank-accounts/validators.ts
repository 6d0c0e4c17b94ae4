import { z } from "@medusajs/framework/zod"

const clabe = z.string().trim().min(1).max(40)

export const SupplierRegisterBankAccount = z
  .object({
    clabe,
    /** Account holder as the bank has it; the supplier's legal name when omitted. */
    holder_name: z.string().trim().min(3).max(254).optional(),
    /** e.firma envelope over the payload of GET …/signing-payload. */
    certificate: z.string().min(100).max(20000),
    signature: z.string().min(40).max(4000),
  })
  .strict()
export type SupplierRegisterBankAccountType = z.infer<typeof SupplierRegisterBankAccount>

export const SupplierBankAccountSigningPayload = z.object({ clabe, holder_name: z.string().trim().min(3).max(254).optional() }).strict()
export type SupplierBankAccountSigningPayloadType = z.infer<typeof SupplierBankAccountSigningPayload>

export const SupplierListBankAccounts = z
  .object({
    status: z.enum(["active", "replaced"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type SupplierListBankAccountsType = z.infer<typeof SupplierListBankAccounts>
