import { z } from "@medusajs/framework/zod"
import { paginationSchema } from "@tienda/organizations/http"

/** A `.cer` as base64 DER (what a browser FileReader gives) or PEM text; ~1.5 KB for SAT certificates. */
const certificate = z.string().min(100).max(20000)

export const RegisterEfirmaCertificate = z.object({ certificate }).strict()
export type RegisterEfirmaCertificateType = z.infer<typeof RegisterEfirmaCertificate>

export const RevokeEfirmaCertificate = z.object({ reason: z.string().trim().min(3).max(500) }).strict()
export type RevokeEfirmaCertificateType = z.infer<typeof RevokeEfirmaCertificate>

export const VerifyEfirmaSignature = z
  .object({
    payload: z.unknown().refine((v) => v !== undefined, { message: "el campo «payload» es obligatorio" }),
    envelope: z
      .object({
        certificate,
        signature: z.string().min(16).max(4096),
      })
      .strict(),
  })
  .strict()
export type VerifyEfirmaSignatureType = z.infer<typeof VerifyEfirmaSignature>

export const ListOwnEfirmaCertificates = z.object({ ...paginationSchema, status: z.enum(["active", "revoked"]).optional() }).strict()
export type ListOwnEfirmaCertificatesType = z.infer<typeof ListOwnEfirmaCertificates>

export const AdminListEfirmaCertificates = z
  .object({
    ...paginationSchema,
    status: z.enum(["active", "revoked"]).optional(),
    person_id: z.string().min(1).max(100).optional(),
    rfc: z.string().min(12).max(13).optional(),
  })
  .strict()
export type AdminListEfirmaCertificatesType = z.infer<typeof AdminListEfirmaCertificates>
