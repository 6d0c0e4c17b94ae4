import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"

/** Latest scheduled-job runs, newest first (is the worker alive?). */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "ops_job_run",
    fields: ["id", "job", "tick", "worker_mode", "instance", "created_at"],
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ job_runs: data, count: metadata?.count ?? data.length, offset, limit })
}
