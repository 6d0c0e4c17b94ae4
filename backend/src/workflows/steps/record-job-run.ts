import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OPS_MODULE } from "../../modules/ops"
import type OpsModuleService from "../../modules/ops/service"

export type RecordJobRunStepInput = {
  job: string
  tick: string
  worker_mode: string
  instance: string
  details?: Record<string, unknown> | null
}

export const recordJobRunStepId = "ops-record-job-run"
/**
 * This step records one execution of a scheduled job.
 */
export const recordJobRunStep = createStep(
  recordJobRunStepId,
  async (input: RecordJobRunStepInput, { container }) => {
    const ops = container.resolve<OpsModuleService>(OPS_MODULE)
    const run = await ops.createJobRuns(input)
    return new StepResponse(run, run.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<OpsModuleService>(OPS_MODULE).deleteJobRuns(id)
  },
)
