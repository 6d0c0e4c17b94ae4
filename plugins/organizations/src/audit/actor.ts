import type { AuditEntryDraft } from "./ledger"

/** Who performed an audited action, as the audit ledger names them. */
export type AuditActor = {
  /** Medusa auth actor type (user, customer, supplier, observer, auditor), or "system". */
  actor_type: string
  /**
   * Medusa auth actor id (the person id for suppliers, observers and
   * auditors); for "system", the job, loader or provider that acted.
   */
  actor_id: string
  /** Role codes the actor held when acting (comma-separated); null when not known. */
  role?: string | null
}

export const SYSTEM_ACTOR_TYPE = "system"

/** The actor of seeds, jobs, subscribers and providers: "system", named after the caller. */
export function systemActor(name: string): AuditActor {
  return { actor_type: SYSTEM_ACTOR_TYPE, actor_id: name, role: null }
}

/**
 * A ledger entry by `actor`, or by the system actor `system` when the caller
 * named nobody (seeds, jobs, tests that run workflows directly).
 */
export function auditDraft(
  actor: AuditActor | null | undefined,
  system: string,
  entry: Omit<AuditEntryDraft, "actor_type" | "actor_id" | "role">,
): AuditEntryDraft {
  const by = actor ?? systemActor(system)
  return { actor_type: by.actor_type, actor_id: by.actor_id, role: by.role ?? null, ...entry }
}
