import { z } from "@medusajs/framework/zod"

/** e.firma envelope over the acta's `signing_payload` (GET /store/receptions/:id/acta). */
export const StoreSignActa = z
  .object({
    certificate: z.string().min(100).max(20000),
    signature: z.string().min(40).max(4000),
  })
  .strict()
export type StoreSignActaType = z.infer<typeof StoreSignActa>
