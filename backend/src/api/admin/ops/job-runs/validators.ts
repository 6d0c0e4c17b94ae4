import { z } from "@medusajs/framework/zod"
import { paginationSchema } from "@tienda/organizations/http"

export const AdminListJobRuns = z.object({ ...paginationSchema }).strict()
export type AdminListJobRunsType = z.infer<typeof AdminListJobRuns>
