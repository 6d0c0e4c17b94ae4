import { MedusaService } from "@medusajs/framework/utils"
import { ApprovalPolicy, ApprovalStep, Delegation, Requisition, RequisitionLine, RequisitionOrder } from "./models"

class RequisitionModuleService extends MedusaService({
  ApprovalPolicy,
  Delegation,
  Requisition,
  RequisitionLine,
  ApprovalStep,
  RequisitionOrder,
}) {}

export default RequisitionModuleService
