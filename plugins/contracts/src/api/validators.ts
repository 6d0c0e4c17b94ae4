import { z } from "@medusajs/framework/zod"
import { paginationSchema } from "@tienda/organizations/http"

export const PublicListCheckpoints = z.object({ ...paginationSchema }).strict()
export type PublicListCheckpointsType = z.infer<typeof PublicListCheckpoints>

export const AuditorListEntries = z
  .object({
    ...paginationSchema,
    entity_type: z.string().min(1).max(100).optional(),
    entity_id: z.string().min(1).max(200).optional(),
    after_sequence: z
      .string()
      .regex(/^\d{1,19}$/)
      .optional(),
  })
  .strict()
export type AuditorListEntriesType = z.infer<typeof AuditorListEntries>

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "usa el formato AAAA-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v, {
    message: "no es una fecha válida",
  })

/** Range of UTC days, `to` exclusive; defaults: the retention window up to tomorrow. */
export const AuditorExport = z
  .object({ from: day.optional(), to: day.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "«from» debe ser anterior a «to»" })
export type AuditorExportType = z.infer<typeof AuditorExport>
