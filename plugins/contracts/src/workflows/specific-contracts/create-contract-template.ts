import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "../steps/append-audit-entry"
import { createContractTemplateStep, type CreateContractTemplateStepInput } from "./steps/create-contract-template"
import type { ContractActor } from "./types"

export type CreateContractTemplateWorkflowInput = Omit<CreateContractTemplateStepInput, "created_by"> & {
  actor: Omit<ContractActor, "organization_id"> & { organization_id?: string }
}

export const createContractTemplateWorkflowId = "contracts-create-contract-template"
/** This workflow adds a new version of a contract template (it supersedes the previous one from its effective date). */
export const createContractTemplateWorkflow = createWorkflow(
  createContractTemplateWorkflowId,
  (input: WorkflowData<CreateContractTemplateWorkflowInput>) => {
    const template = createContractTemplateStep(
      transform({ input }, ({ input }) => ({
        code: input.code,
        title: input.title,
        body: input.body,
        effective_from: input.effective_from ?? null,
        created_by: input.actor.person_id,
      })),
    )
    appendAuditEntryStep(
      transform({ input, template }, ({ input, template }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "contract_template.version_created",
        entity_type: "contract_template",
        entity_id: template.id,
        before: null,
        after: { code: template.code, version: template.version, body: template.body, effective_from: template.effective_from },
        details: { code: template.code, version: template.version },
      })),
    )
    return new WorkflowResponse(template)
  },
)
