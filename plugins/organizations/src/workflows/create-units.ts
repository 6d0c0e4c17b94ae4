import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { createUnitsStep, type CreateUnitsStepInput } from "./steps/create-units"

export type CreateUnitsWorkflowInput = CreateUnitsStepInput & {
  /** Who adds them (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const createUnitsWorkflowId = "organizations-create-units"
/**
 * This workflow adds administrative units to an agency.
 */
export const createUnitsWorkflow = createWorkflow(createUnitsWorkflowId, (input: WorkflowData<CreateUnitsWorkflowInput>) => {
  const units = createUnitsStep(input)
  appendAuditEntryStep(
    transform({ units, input }, ({ units, input }) =>
      auditDraft(input.actor, createUnitsWorkflowId, {
        action: "organization.units_created",
        entity_type: "organization",
        entity_id: input.organization_id,
        after: units,
        details: { units: units.map((u) => ({ id: u.id, code: u.code })) },
      }),
    ),
  )
  return new WorkflowResponse(units)
})
