import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuditEntryRecord } from "@tienda/organizations/audit"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/** The fields of a ledger entry tests look at. */
export type LedgerRow = Pick<
  AuditEntryRecord,
  "sequence" | "actor_type" | "actor_id" | "role" | "action" | "entity_type" | "entity_id" | "before_digest" | "after_digest" | "details"
>

/**
 * The audit ledger as tests read it. The test world itself is built through
 * audited workflows, so tests look at the entries appended after `head()`.
 */
export function auditLedger(container: () => MedusaContainer) {
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  return {
    /** Sequence of the last entry (0 when the ledger is empty). */
    head: async (): Promise<number> => {
      const { rows } = await pg().raw("select coalesce(max(sequence), 0)::text as s from audit_entry")
      return Number(rows[0].s)
    },
    /** The Medusa auth actor id of a person (user/customer id; the person id for custom actor types). */
    actorIdOf: async (personId: string): Promise<string> => {
      const query = container().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "person", fields: ["actor_id"], filters: { id: personId } })
      return data[0].actor_id as string
    },
    /** Entries after sequence `after`, in order (optionally only those whose action starts with `prefix`). */
    since: async (after: number, prefix = ""): Promise<LedgerRow[]> => {
      const { rows } = await pg().raw(
        `select sequence::text as sequence, actor_type, actor_id, role, action, entity_type, entity_id,
           before_digest, after_digest, details
         from audit_entry where sequence > ? and action like ? order by audit_entry.sequence`,
        [after, `${prefix}%`],
      )
      return rows as unknown as LedgerRow[]
    },
  }
}
