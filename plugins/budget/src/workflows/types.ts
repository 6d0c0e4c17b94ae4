import type { AuditActor } from "@tienda/organizations/audit"
import type { MovementType, ReferenceType } from "../modules/budget/service"

/** Input shared by the budget workflows that record a movement. */
export type BudgetMovementWorkflowInput = {
  budget_key_id: string
  /** Caller's agency: the key must belong to it. null for SHCP/system calls. */
  organization_id: string | null
  /** Units the caller acts in (null: the whole agency); a unit-scoped key must be one of them. */
  unit_ids?: string[] | null
  amount: string
  /** Movement drawn from (reservation for a commit, commitment for an accrual…). */
  parent_id?: string | null
  reference_type: ReferenceType
  reference_id: string
  /** Same key → same result, one effect (locally and in SICOP/SIAFF). */
  idempotency_key: string
  /** Person who asked for the movement (stored on the movement). */
  actor_id?: string | null
  /**
   * Who acts, for the audit ledger. Without it the entry names the person
   * `actor_id` (actor type "person") or, without that, the system.
   */
  actor?: AuditActor | null
  metadata?: Record<string, unknown> | null
}

export type ValidatedBudgetKey = {
  id: string
  clave: string
  organization_id: string
  provider: "own_resources" | "sicop_siaff"
}

export type RecordedMovement = {
  id: string
  type: MovementType
  amount: string
  idempotency_key: string
  parent_idempotency_key: string | null
  external_ref: string | null
  replayed: boolean
}
