import { hostname } from "node:os"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordJobRunWorkflow } from "../workflows/record-job-run"

/**
 * Records a heartbeat from whichever process runs scheduled jobs (the worker
 * in server/worker deployments). Operators read it at /admin/ops/job-runs;
 * the tick (the scheduled minute) shows that each tick ran exactly once.
 */
export default async function heartbeat(container: MedusaContainer) {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const interval = Number(process.env.HEARTBEAT_TICK_SECONDS || 60)
  const tick = new Date(Math.floor(Date.now() / (interval * 1000)) * interval * 1000).toISOString()
  await recordJobRunWorkflow(container).run({
    input: {
      job: "heartbeat",
      tick,
      worker_mode: config.projectConfig.workerMode ?? "shared",
      instance: `${hostname()}:${process.pid}`,
    },
  })
}

export const config = {
  name: "tienda-heartbeat",
  schedule: process.env.HEARTBEAT_CRON || "* * * * *",
}
