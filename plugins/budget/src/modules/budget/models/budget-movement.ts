import { model } from "@medusajs/framework/utils"
import BudgetKey from "./budget-key"

export const MOVEMENT_TYPES = ["reserve", "commit", "release", "accrue", "exercise", "pay", "reversal"] as const

export const STAGES = ["disponible", "reservado", "comprometido", "devengado", "ejercido", "pagado"] as const

export const REFERENCE_TYPES = [
  "requisition",
  "order",
  "contract",
  "invoice",
  "clc",
  "payment",
  /** Set aside by hand by the Budget area against an official document (folio); released by hand, audited. */
  "manual",
] as const

/**
 * One append-only entry of the budget ledger: `amount` moved from
 * `from_stage` to `to_stage` on a key, tied to the document that caused it.
 * `parent_id` is the movement the money is drawn from (a commit draws on a
 * reservation, an accrual on a commitment…). The same `idempotency_key`
 * always returns the original movement.
 */
const BudgetMovement = model
  .define("budget_movement", {
    id: model.id({ prefix: "bmov" }).primaryKey(),
    type: model.enum([...MOVEMENT_TYPES]),
    from_stage: model.enum([...STAGES]),
    to_stage: model.enum([...STAGES]),
    amount: model.bigNumber(),
    currency_code: model.text().default("mxn"),
    parent_id: model.text().nullable(),
    reference_type: model.enum([...REFERENCE_TYPES]),
    reference_id: model.text(),
    idempotency_key: model.text(),
    actor_id: model.text().nullable(),
    /** Folio in the external system (SICOP/SIAFF), when the key uses it. */
    external_ref: model.text().nullable(),
    budget_key: model.belongsTo(() => BudgetKey, { mappedBy: "movements" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["budget_key_id", "created_at"] },
    { on: ["parent_id"] },
    { on: ["reference_type", "reference_id"] },
  ])

export default BudgetMovement
