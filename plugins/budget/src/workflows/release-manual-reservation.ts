import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "@tienda/organizations/audit"
import { releaseBudgetWorkflow } from "./release-budget"
import { evaluateManualReleaseStep } from "./steps/evaluate-manual-release"

export type ReleaseManualReservationInput = {
  reservation_id: string
  organization_id: string
  unit_ids: string[] | null
  reason: string
  actor_id: string
  actor: AuditActor
}

export const releaseManualReservationWorkflowId = "budget-release-manual-reservation"
/**
 * This workflow releases what is left of a manual reservation back to
 * disponible, by hand, with a reason: the release movement (in our ledger and
 * SICOP/SIAFF) and its audit entry name the person who asked.
 */
export const releaseManualReservationWorkflow = createWorkflow(
  releaseManualReservationWorkflowId,
  (input: WorkflowData<ReleaseManualReservationInput>) => {
    const release = evaluateManualReleaseStep(
      transform({ input }, ({ input }) => ({ reservation_id: input.reservation_id, organization_id: input.organization_id })),
    )
    const movement = releaseBudgetWorkflow.runAsStep({
      input: transform({ input, release }, ({ input, release }) => ({
        budget_key_id: release.budget_key_id,
        organization_id: input.organization_id,
        unit_ids: input.unit_ids,
        amount: release.amount,
        parent_id: input.reservation_id,
        reference_type: "manual" as const,
        reference_id: release.reference_id,
        // one release per reservation: a repeated call replays it
        idempotency_key: `manual-release:${input.reservation_id}`,
        actor_id: input.actor_id,
        actor: input.actor,
        metadata: { reason: input.reason },
      })),
    })
    return new WorkflowResponse(movement)
  },
)
