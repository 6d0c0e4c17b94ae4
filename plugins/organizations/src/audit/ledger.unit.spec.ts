import type { MedusaContainer } from "@medusajs/framework/types"
import { auditDraft, systemActor } from "./actor"
import { digestOf } from "./digest"
import { entryOf, resolveAuditLedger, reversalOf, type AuditLedgerSink } from "./ledger"

function containerWith(registrations: Record<string, unknown>) {
  return {
    resolve: (key: string, options?: { allowUnregistered?: boolean }) => {
      if (key in registrations) {
        return registrations[key]
      }
      if (options?.allowUnregistered) {
        return undefined
      }
      throw new Error(`${key} is not registered`)
    },
  } as unknown as MedusaContainer
}

describe("audit sink", () => {
  it("hashes before/after as canonical JSON of their JSON form, and never stores them", () => {
    const entry = entryOf({
      actor_type: "user",
      actor_id: "user_1",
      action: "organization.created",
      entity_type: "organization",
      entity_id: "org_1",
      before: null,
      after: { b: 2, a: new Date("2026-01-02T03:04:05.678Z"), amount: { toJSON: () => "12.50" } },
    })
    expect(entry).not.toHaveProperty("after")
    expect(entry).not.toHaveProperty("before")
    expect(entry.before_digest).toBe(digestOf(null))
    expect(entry.after_digest).toBe(digestOf({ a: "2026-01-02T03:04:05.678Z", amount: "12.50", b: 2 }))
    expect(entryOf({ actor_type: "system", actor_id: "x", action: "a", entity_type: "e", entity_id: "1" })).toMatchObject({
      before_digest: null,
      after_digest: null,
    })
  })

  it("a reversal swaps the digests and points to the entry it reverts", () => {
    expect(
      reversalOf({
        id: "aud_1",
        sequence: "7",
        actor_type: "customer",
        actor_id: "cus_1",
        role: "budget",
        action: "budget_key.reserved",
        entity_type: "budget_key",
        entity_id: "bkey_1",
        before_digest: null,
        after_digest: "ab",
      }),
    ).toEqual({
      actor_type: "customer",
      actor_id: "cus_1",
      role: "budget",
      action: "budget_key.reserved.reverted",
      entity_type: "budget_key",
      entity_id: "bkey_1",
      before_digest: "ab",
      after_digest: null,
      details: { reverts_sequence: "7", reverts_entry_id: "aud_1" },
    })
  })

  it("names the system when the caller names nobody", () => {
    const draft = { action: "sanction.created", entity_type: "sanction", entity_id: "sanc_1" }
    expect(auditDraft(null, "framework-contracts-create-sanctions", draft)).toMatchObject({
      actor_type: "system",
      actor_id: "framework-contracts-create-sanctions",
      role: null,
    })
    expect(auditDraft({ actor_type: "user", actor_id: "user_9", role: "shcp_contract_admin" }, "x", draft)).toMatchObject({
      actor_type: "user",
      actor_id: "user_9",
      role: "shcp_contract_admin",
    })
    expect(systemActor("seed")).toEqual({ actor_type: "system", actor_id: "seed", role: null })
  })

  it("uses the module registered as audit_ledger; without one it warns once and records nothing", () => {
    const ledger: AuditLedgerSink = { appendEntries: async () => [] }
    expect(resolveAuditLedger(containerWith({ audit_ledger: ledger }))).toBe(ledger)
    const warn = jest.fn()
    const standalone = containerWith({ logger: { warn } })
    expect(resolveAuditLedger(standalone)).toBeNull()
    expect(resolveAuditLedger(standalone)).toBeNull()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toContain('"audit_ledger"')
  })
})
