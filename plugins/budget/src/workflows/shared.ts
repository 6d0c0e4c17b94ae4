import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditEntryDraft } from "@tienda/organizations/audit"
import type { ClcPayee } from "../budget-systems/types"
import type { MovementType } from "../modules/budget/service"
import { applyBudgetMovementStep, type ApplyBudgetMovementStepInput } from "./steps/apply-budget-movement"
import { callBudgetProviderStep, type CallBudgetProviderStepInput } from "./steps/call-budget-provider"
import { validateBudgetKeyStep, type ValidateBudgetKeyStepInput } from "./steps/validate-budget-key"
import type { BudgetMovementWorkflowInput, RecordedMovement } from "./types"

/** Input of a movement workflow that may also name the CLC's beneficiary, net amount and deductions. */
export type MovementWorkflowInput = BudgetMovementWorkflowInput & ClcPayee

/** The key and the caller's scope, for validateBudgetKeyStep. */
export function keyScope(input: WorkflowData<{ budget_key_id: string; organization_id: string | null; unit_ids?: string[] | null }>) {
  return transform({ input }, ({ input }): ValidateBudgetKeyStepInput => ({
    budget_key_id: input.budget_key_id,
    organization_id: input.organization_id,
    unit_ids: input.unit_ids ?? null,
  }))
}

/** The ledger movement of a workflow input (only the movement's own fields). */
export function movementOf(
  input: BudgetMovementWorkflowInput,
  type: MovementType,
  extra: Pick<ApplyBudgetMovementStepInput, "external_ref" | "metadata"> = {},
): ApplyBudgetMovementStepInput {
  return {
    budget_key_id: input.budget_key_id,
    organization_id: input.organization_id,
    amount: input.amount,
    parent_id: input.parent_id,
    reference_type: input.reference_type,
    reference_id: input.reference_id,
    idempotency_key: input.idempotency_key,
    actor_id: input.actor_id,
    metadata: input.metadata,
    type,
    ...extra,
  }
}

const PAST: Record<MovementType, string> = {
  reserve: "reserved",
  commit: "committed",
  release: "released",
  accrue: "accrued",
  exercise: "exercised",
  pay: "paid",
  reversal: "reversed",
}

/**
 * The audit-ledger entry of a recorded movement (`budget_key.reserved`,
 * `.committed`…), or null for an idempotent replay, which changed nothing —
 * unless the replay `recovered` a movement whose first run died before the
 * budget system answered (that run never wrote the entry).
 */
export function movementAudit(
  workflowId: string,
  input: BudgetMovementWorkflowInput,
  movement: RecordedMovement,
  externalRef: string | null,
  recovered = false,
): AuditEntryDraft | null {
  if (movement.replayed && !recovered) {
    return null
  }
  const actor = input.actor ?? (input.actor_id ? { actor_type: "person", actor_id: input.actor_id } : null)
  return auditDraft(actor, workflowId, {
    action: `budget_key.${PAST[movement.type]}`,
    entity_type: "budget_key",
    entity_id: input.budget_key_id,
    after: { movement_id: movement.id, type: movement.type, amount: movement.amount, external_ref: externalRef },
    details: {
      movement_id: movement.id,
      amount: movement.amount,
      parent_id: input.parent_id ?? null,
      reference_type: input.reference_type,
      reference_id: input.reference_id,
      idempotency_key: movement.idempotency_key,
      external_ref: externalRef,
    },
  })
}

/**
 * The shape shared by reserve, commit, release, accrue and exercise:
 * validate the key and the caller's scope → record the movement in our
 * ledger under the PostgreSQL guard → mirror it in the key's budget system
 * with the same idempotency key. Each step compensates itself.
 */
export function createBudgetMovementWorkflow(id: string, type: MovementType, operation: CallBudgetProviderStepInput["operation"]) {
  return createWorkflow(id, (input: WorkflowData<MovementWorkflowInput>) => {
    const key = validateBudgetKeyStep(keyScope(input))
    const movement = applyBudgetMovementStep(transform({ input }, ({ input }) => movementOf(input, type)))
    const external = callBudgetProviderStep(
      transform({ input, key, movement }, ({ input, key, movement }) => ({
        key,
        movement,
        operation,
        reference_type: input.reference_type,
        reference_id: input.reference_id,
        beneficiary_rfc: input.beneficiary_rfc ?? null,
        beneficiary_clabe: input.beneficiary_clabe ?? null,
        net_amount: input.net_amount ?? null,
        deductions: input.deductions ?? null,
      })),
    )
    const recorded = transform({ movement, external }, ({ movement, external }) => ({
      ...movement,
      external_ref: external.folio ?? movement.external_ref,
    }))
    // One entry per movement, after the budget system accepted it (also when
    // a retry finishes a movement whose first run was killed mid-call).
    appendAuditEntryStep(
      transform({ input, recorded, external }, ({ input, recorded, external }) =>
        movementAudit(id, input, recorded, recorded.external_ref, external.recovered),
      ),
    )
    return new WorkflowResponse(recorded)
  })
}
