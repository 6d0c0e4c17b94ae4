import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { updateSupplierContactStep, type UpdateSupplierContactStepInput } from "./steps/update-supplier-contact"

export type UpdateSupplierContactWorkflowInput = UpdateSupplierContactStepInput & {
  /** Who updates it (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const updateSupplierContactWorkflowId = "organizations-update-supplier-contact"
/**
 * This workflow lets a supplier user keep their company's contact data current.
 */
export const updateSupplierContactWorkflow = createWorkflow(
  updateSupplierContactWorkflowId,
  (input: WorkflowData<UpdateSupplierContactWorkflowInput>) => {
    const organization = updateSupplierContactStep(input)
    appendAuditEntryStep(
      transform({ organization, input }, ({ organization, input }) =>
        auditDraft(input.actor, updateSupplierContactWorkflowId, {
          action: "organization.contact_updated",
          entity_type: "organization",
          entity_id: organization.id,
          after: { email: organization.email, phone: organization.phone },
          details: { fields: ["email", "phone"].filter((f) => input[f as "email" | "phone"] !== undefined) },
        }),
      ),
    )
    return new WorkflowResponse(organization)
  },
)
