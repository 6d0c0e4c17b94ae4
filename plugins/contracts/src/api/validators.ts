import { z } from "@medusajs/framework/zod"
import { paginationSchema } from "@tienda/organizations/http"

export const PublicListCheckpoints = z.object({ ...paginationSchema }).strict()

export const AuditorListEntries = z
  .object({
    ...paginationSchema,
    entity_type: z.string().min(1).max(100).optional(),
    entity_id: z.string().min(1).max(200).optional(),
    after_sequence: z.string().regex(/^\d{1,19}$/).optional(),
  })
  .strict()
export type AuditorListEntriesType = z.infer<typeof AuditorListEntries>
