import { model } from "@medusajs/framework/utils"

/**
 * One execution of a scheduled job: which process ran it (worker mode, host,
 * pid) and for which tick. Lets operators see that the worker is alive and
 * that each tick ran exactly once across server and worker processes.
 */
const JobRun = model
  .define("ops_job_run", {
    id: model.id({ prefix: "jobrun" }).primaryKey(),
    job: model.text(),
    tick: model.text(),
    worker_mode: model.text(),
    instance: model.text(),
    details: model.json().nullable(),
  })
  .indexes([{ on: ["job", "tick"] }])

export default JobRun
