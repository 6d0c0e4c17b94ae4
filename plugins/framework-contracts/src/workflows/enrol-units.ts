import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { CATALOG_EVENTS } from "../catalog/events"
import { enrolUnitsStep, type EnrolUnitsStepInput } from "./steps/enrol-units"
import { recordContractVersionStep } from "./steps/record-contract-version"

export type EnrolUnitsWorkflowInput = EnrolUnitsStepInput & {
  recorded_by?: string | null
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const enrolUnitsWorkflowId = "framework-contracts-enrol-units"
/**
 * This workflow enrols agency units in a framework contract.
 */
export const enrolUnitsWorkflow = createWorkflow(enrolUnitsWorkflowId, (input: WorkflowData<EnrolUnitsWorkflowInput>) => {
  const count = enrolUnitsStep(input)
  recordContractVersionStep(
    transform({ input }, ({ input }) => ({
      contract_id: input.contract_id,
      change: "adhesion-unidades",
      recorded_by: input.recorded_by ?? null,
    })),
  )
  appendAuditEntryStep(
    transform({ count, input }, ({ count, input }) =>
      auditDraft(input.actor, enrolUnitsWorkflowId, {
        action: "framework_contract.units_enrolled",
        entity_type: "framework_contract",
        entity_id: input.contract_id,
        after: { unit_ids: input.unit_ids },
        details: { unit_ids: input.unit_ids, new_enrolments: count },
      }),
    ),
  )
  emitEventStep({
    eventName: CATALOG_EVENTS.ENROLMENT_CHANGED,
    data: transform({ input }, ({ input }) => ({ contract_id: input.contract_id })),
  })
  return new WorkflowResponse(count)
})
