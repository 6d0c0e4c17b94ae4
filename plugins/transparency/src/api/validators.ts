import { z } from "@medusajs/framework/zod"

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, "fecha ISO 8601 (AAAA-MM-DD o fecha y hora)")
  .refine((s) => !Number.isNaN(new Date(s).getTime()), "fecha inexistente")

/** GET /public/ocds/releases: a page of releases, oldest first, within optional dates. */
export const PublicListReleases = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
    /** Releases dated on or after this instant (a date alone: from its start, UTC). */
    since: isoDate.optional(),
    /** Releases dated before this instant (a date alone: before its start, UTC). */
    until: isoDate.optional(),
  })
  .strict()
export type PublicListReleasesType = z.infer<typeof PublicListReleases>

/** GET /public/ocds/bulk: every release as JSON lines, gzipped, within optional dates. */
export const PublicBulk = z.object({ since: isoDate.optional(), until: isoDate.optional() }).strict()
export type PublicBulkType = z.infer<typeof PublicBulk>

export const Empty = z.object({}).strict()
