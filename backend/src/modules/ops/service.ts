import { MedusaService } from "@medusajs/framework/utils"
import JobRun from "./models/job-run"

/** CRUD for operational records (scheduled job runs). */
class OpsModuleService extends MedusaService({ JobRun }) {}

export default OpsModuleService
