import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REQUISITION_MODULE } from "../modules/requisition"
import type RequisitionModuleService from "../modules/requisition/service"
import { escalateStepWorkflow } from "../workflows/escalate-step"

/**
 * Escalates approval steps whose SLA expired without a decision (the current
 * pending step of a pending requisition). Each escalation is its own
 * workflow, so one failure does not block the others. Returns how many.
 */
export async function escalateOverdueApprovals(container: MedusaContainer, now = new Date()): Promise<number> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<RequisitionModuleService>(REQUISITION_MODULE)
  const pending = await service.listRequisitions({ status: "pending_approval" }, { relations: ["approval_steps"], take: null })
  let escalated = 0
  for (const r of pending) {
    const current = (r.approval_steps ?? [])
      .filter((s) => s.revision === r.revision && s.status === "pending")
      .sort((a, b) => a.sequence - b.sequence)[0]
    if (!current || current.escalated_at || new Date(current.due_at) > now) {
      continue
    }
    try {
      await escalateStepWorkflow(container).run({
        input: {
          requisition_id: r.id,
          step_id: current.id,
          role: current.role,
          escalate_to_role: current.escalate_to_role,
          at: now.toISOString(),
        },
      })
      escalated++
    } catch (e) {
      logger.error(`requisitions: escalation of ${r.number} failed: ${(e as Error).message}`)
    }
  }
  if (escalated) {
    logger.info(`requisitions: ${escalated} overdue approval step(s) escalated`)
  }
  return escalated
}

export default async function escalateOverdueApprovalsJob(container: MedusaContainer) {
  await escalateOverdueApprovals(container)
}

export const config = {
  name: "requisitions-escalate-overdue-approvals",
  schedule: process.env.REQUISITIONS_ESCALATION_CRON || "*/15 * * * *",
}
