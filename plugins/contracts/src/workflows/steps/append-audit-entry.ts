import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUDIT_LEDGER_MODULE } from "../../modules/audit-ledger"
import type AuditLedgerModuleService from "../../modules/audit-ledger/service"
import type { AppendAuditEntryInput } from "../../modules/audit-ledger/service"
import { digestOf } from "../../utils/hash"

export type AppendAuditEntryStepInput = AppendAuditEntryInput & {
  /** State before the change; hashed into before_digest (not stored). */
  before?: unknown
  /** State after the change; hashed into after_digest (not stored). */
  after?: unknown
}

export const appendAuditEntryStepId = "contracts-append-audit-entry"
/**
 * This step appends one entry to the hash-chained audit ledger. Add it to
 * any state-changing workflow (after the change). Its compensation never
 * deletes: it appends a compensating `<action>.reverted` entry that points
 * to the entry it reverts.
 */
export const appendAuditEntryStep = createStep(
  appendAuditEntryStepId,
  async (input: AppendAuditEntryStepInput, { container }) => {
    const ledger = container.resolve<AuditLedgerModuleService>(AUDIT_LEDGER_MODULE)
    const { before, after, ...rest } = input
    const [entry] = await ledger.appendEntries([
      {
        ...rest,
        before_digest: rest.before_digest ?? (before === undefined ? null : digestOf(before)),
        after_digest: rest.after_digest ?? (after === undefined ? null : digestOf(after)),
      },
    ])
    return new StepResponse(entry, {
      id: entry.id,
      sequence: entry.sequence,
      actor_type: entry.actor_type,
      actor_id: entry.actor_id,
      role: entry.role,
      action: entry.action,
      entity_type: entry.entity_type,
      entity_id: entry.entity_id,
      after_digest: entry.after_digest,
      before_digest: entry.before_digest,
    })
  },
  async (appended, { container }) => {
    if (!appended) {
      return
    }
    const ledger = container.resolve<AuditLedgerModuleService>(AUDIT_LEDGER_MODULE)
    await ledger.appendEntries([
      {
        actor_type: appended.actor_type,
        actor_id: appended.actor_id,
        role: appended.role,
        action: `${appended.action}.reverted`,
        entity_type: appended.entity_type,
        entity_id: appended.entity_id,
        before_digest: appended.after_digest,
        after_digest: appended.before_digest,
        details: { reverts_sequence: appended.sequence, reverts_entry_id: appended.id },
      },
    ])
  }
)
