import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  appendedOf,
  entryOf,
  resolveAuditLedger,
  reversalOf,
  type AppendedAuditEntry,
  type AuditEntryDraft,
  type AuditEntryRecord,
} from "./ledger"

export type AppendAuditEntryStepInput = AuditEntryDraft

async function append(container: MedusaContainer, drafts: AuditEntryDraft[]): Promise<AuditEntryRecord[]> {
  const ledger = drafts.length ? resolveAuditLedger(container) : null
  return ledger ? await ledger.appendEntries(drafts.map(entryOf)) : []
}

async function revert(appended: AppendedAuditEntry[] | undefined, { container }: { container: MedusaContainer }) {
  const ledger = appended?.length ? resolveAuditLedger(container) : null
  if (ledger) {
    await ledger.appendEntries([...appended!].reverse().map(reversalOf))
  }
}

export const appendAuditEntryStepId = "organizations-append-audit-entry"
/**
 * This step appends one entry to the hash-chained audit ledger. Add it to
 * every state-changing workflow, after the change. `null` records nothing
 * (e.g. an idempotent replay that changed nothing). Its compensation never
 * deletes: it appends a compensating `<action>.reverted` entry that points
 * to the entry it reverts.
 */
export const appendAuditEntryStep = createStep(
  appendAuditEntryStepId,
  async (input: AppendAuditEntryStepInput | null, { container }) => {
    const [entry] = await append(container, input ? [input] : [])
    return new StepResponse<AuditEntryRecord | null, AppendedAuditEntry[]>(entry ?? null, entry ? [appendedOf(entry)] : [])
  },
  revert,
)

export const appendAuditEntriesStepId = "organizations-append-audit-entries"
/**
 * This step appends several entries at once, in order and atomically (one
 * per record a workflow creates, e.g. each budget key or sanction). Its
 * compensation appends their `.reverted` entries, newest first.
 */
export const appendAuditEntriesStep = createStep(
  appendAuditEntriesStepId,
  async (input: AppendAuditEntryStepInput[], { container }) => {
    const entries = await append(container, input ?? [])
    return new StepResponse<AuditEntryRecord[], AppendedAuditEntry[]>(entries, entries.map(appendedOf))
  },
  revert,
)
