import { MedusaService } from "@medusajs/framework/utils"
import JobRun from "./models/job-run"
import RevokedToken from "./models/revoked-token"

/** CRUD for operational records (scheduled job runs, tokens ended by logout). */
class OpsModuleService extends MedusaService({ JobRun, RevokedToken }) {}

export default OpsModuleService
