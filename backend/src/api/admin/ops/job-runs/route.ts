import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { OPS_MODULE } from "../../../../modules/ops"
import type OpsModuleService from "../../../../modules/ops/service"
import type { AdminListJobRunsType } from "./validators"

/**
 * Latest scheduled-job runs, newest first (is the worker alive?). Read from
 * the ops module's service: Query derives `listAndCountOpsJobRuns` from the
 * table name, which the service (model key `JobRun`) does not have.
 */
export const GET = async (req: AuthorizedRequest<unknown, AdminListJobRunsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const ops = req.scope.resolve<OpsModuleService>(OPS_MODULE)
  const [jobRuns, count] = await ops.listAndCountJobRuns(
    {},
    {
      select: ["id", "job", "tick", "worker_mode", "instance", "created_at"],
      skip: offset,
      take: limit,
      order: { created_at: "DESC" },
    },
  )
  res.json({ job_runs: jobRuns, count, offset, limit })
}
