import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { appendAuditEntryStep, recordAuditEntryWorkflow, createAuditCheckpointWorkflow } from "@tienda/contracts/workflows"
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
type Entry = { sequence: string; entity_id: string; previous_hash: string; entry_hash: string }
type Ledger = {
  appendEntries: (inputs: Record<string, unknown>[]) => Promise<Entry[]>
  appendNow: (inputs: Record<string, unknown>[]) => Promise<Entry[]>
  ledgerWriteStats: () => Promise<{ calls: number; entries: number; transactions: number }>
  verifyLedger: () => Promise<{
    ok: boolean
    entries: number
    first_break: { sequence: string; entry_id: string; reason: string } | null
    checkpoint_breaks: { day: string; reason: string }[]
  }>
}

const root = join(__dirname, "..", "..", "..")

/** A workflow that changes nothing but records an entry, then fails. */
const failingAuditedWorkflow = createWorkflow("contracts-test-audited-then-fails", () => {
  const entry = appendAuditEntryStep({
    actor_type: "user",
    actor_id: "usr_prueba",
    role: "system_admin",
    action: "prueba.accion",
    entity_type: "prueba",
    entity_id: "prb_1",
    after: { estado: "nuevo" },
  })
  return new WorkflowResponse(entry)
})

describeApp("audit ledger", ({ container, baseUrl, world }) => {
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const ledger = () => container().resolve("audit_ledger") as Ledger
  // The world is built through audited workflows: its entries come first.
  const { head } = auditLedger(container)
  const seqs = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i + 1))
  const append = (i: number) =>
    recordAuditEntryWorkflow(container()).run({
      input: {
        actor_type: "customer",
        actor_id: `cus_${i}`,
        role: "requiring_unit",
        action: "requisicion.creada",
        entity_type: "requisition",
        entity_id: `req_${i}`,
        before: null,
        after: { id: `req_${i}`, importe: "1234.56", nota: "Papelería ñandú" },
      },
    })
  const databaseUrl = async () => {
    const { rows } = await pg().raw("select current_database() as db")
    const e = process.env
    return `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/${rows[0].db}`
  }
  const cli = async (env?: Record<string, string>) => {
    const r = spawnSync(process.execPath, [join(root, "plugins/contracts/scripts/audit-verify.mjs")], {
      env: { ...process.env, ...(env ?? { DATABASE_URL: await databaseUrl() }) },
      encoding: "utf8",
    })
    return { code: r.status, out: r.stdout + r.stderr }
  }

  it("chains entries: sequence from 1, each linked to the previous hash; CLI exits 0", async () => {
    const base = await head()
    for (const i of [1, 2, 3]) {
      await append(i)
    }
    const { rows } = await pg().raw(
      "select sequence::text as sequence, previous_hash, entry_hash from audit_entry order by audit_entry.sequence",
    )
    expect(rows.map((r) => r.sequence)).toEqual(seqs(0, base + 3))
    expect(rows[0].previous_hash).toBe("0".repeat(64))
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].previous_hash).toBe(rows[i - 1].entry_hash)
    }
    expect(await ledger().verifyLedger()).toMatchObject({ ok: true, entries: base + 3, first_break: null })
    const { code, out } = await cli()
    expect(out).toContain(`${base + 3} entradas`)
    expect(out).toContain("íntegra")
    expect(code).toBe(0)
  })

  const entryInput = (i: number, action: string | null = "requisicion.creada") => ({
    actor_type: "customer",
    actor_id: `cus_${i}`,
    role: "requiring_unit",
    action,
    entity_type: "requisition",
    entity_id: `req_${i}`,
  })

  it("audit:verify finds the database `npm start` runs; without one it says how to name it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tienda-data-"))
    const none = await cli({ DATABASE_URL: "", TIENDA_DATA_DIR: dataDir })
    expect(none.code).toBe(2)
    expect(none.out).toContain("define DATABASE_URL")
    writeFileSync(join(dataDir, "database-url"), `${await databaseUrl()}\n`)
    const running = await cli({ DATABASE_URL: "", TIENDA_DATA_DIR: dataDir })
    expect(running.out).toContain("íntegra")
    expect(running.code).toBe(0)
  })

  // Each appendNow call is its own transaction: only the chain-head row lock
  // keeps 16 of them, started together, from linking to the same head (as
  // appenders in different server processes would).
  it("never forks the chain under concurrent appends (start barrier)", async () => {
    const base = await head()
    let open!: () => void
    const barrier = new Promise<void>((r) => (open = r))
    const runs = Array.from({ length: 16 }, (_, i) => barrier.then(() => ledger().appendNow([entryInput(i)])))
    open()
    const results = await Promise.allSettled(runs)
    expect(results.filter((r) => r.status === "rejected")).toEqual([])
    const { rows } = await pg().raw("select sequence::text as s from audit_entry where sequence > ? order by audit_entry.sequence", [base])
    expect(rows.map((r) => r.s)).toEqual(seqs(base, 16))
    expect(await ledger().verifyLedger()).toMatchObject({ ok: true, entries: base + 16, first_break: null })
  })

  /** Starts `n` appendEntries calls of two entries each together (start barrier); `bad` gets an entry with no action. */
  const appendTogether = async (n: number, from: number, bad = -1) => {
    let open!: () => void
    const barrier = new Promise<void>((r) => (open = r))
    const runs = Array.from({ length: n }, (_, i) =>
      barrier.then(() =>
        ledger().appendEntries([entryInput(from + i * 2), entryInput(from + i * 2 + 1, i === bad ? null : "requisicion.enviada")]),
      ),
    )
    open()
    return await Promise.allSettled(runs)
  }

  it("group commit: concurrent appends share transactions and each call gets its own entries, contiguous", async () => {
    const base = await head()
    const before = await ledger().ledgerWriteStats()
    const results = await appendTogether(24, 0)
    expect(results.filter((r) => r.status === "rejected")).toEqual([])
    const after = await ledger().ledgerWriteStats()
    expect(after.calls - before.calls).toBe(24)
    expect(after.entries - before.entries).toBe(48)
    // 24 calls, a handful of transactions: the first call's, then one for all that queued behind it.
    expect(after.transactions - before.transactions).toBeLessThanOrEqual(4)
    for (const [i, r] of results.entries()) {
      const [a, b] = (r as PromiseFulfilledResult<Entry[]>).value
      expect([a.entity_id, b.entity_id]).toEqual([`req_${i * 2}`, `req_${i * 2 + 1}`])
      expect(BigInt(b.sequence)).toBe(BigInt(a.sequence) + 1n)
      expect(b.previous_hash).toBe(a.entry_hash)
    }
    const { rows } = await pg().raw("select sequence::text as s from audit_entry where sequence > ? order by audit_entry.sequence", [base])
    expect(rows.map((r) => r.s)).toEqual(seqs(base, 48))
    expect(await ledger().verifyLedger()).toMatchObject({ ok: true, entries: base + 48, first_break: null })
  })

  it("group commit: a bad entry fails only its own caller; nothing of it is written", async () => {
    const base = await head()
    const results = await appendTogether(12, 100, 5)
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 12 }, (_, i) => (i === 5 ? "rejected" : "fulfilled")))
    const { rows } = await pg().raw(
      "select sequence::text as s, entity_id from audit_entry where sequence > ? order by audit_entry.sequence",
      [base],
    )
    expect(rows.map((r) => r.s)).toEqual(seqs(base, 22))
    expect(rows.map((r) => r.entity_id)).not.toContain("req_110")
    expect(rows.map((r) => r.entity_id)).not.toContain("req_111")
    expect(await ledger().verifyLedger()).toMatchObject({ ok: true, entries: base + 22, first_break: null })
  })

  it("the database refuses UPDATE, DELETE and TRUNCATE of the ledger", async () => {
    await append(1)
    await expect(pg().raw("update audit_entry set action = 'otra'")).rejects.toThrow(
      /solo adición: UPDATE no está permitido en audit_entry/,
    )
    await expect(pg().raw("delete from audit_entry")).rejects.toThrow(/solo adición: DELETE/)
    await expect(pg().raw("truncate audit_entry")).rejects.toThrow(/solo adición: TRUNCATE/)
    await ledger().verifyLedger()
    await createAuditCheckpointWorkflow(container()).run({ input: { day: new Date().toISOString().slice(0, 10) } })
    await expect(pg().raw("update audit_checkpoint set entry_count = 9")).rejects.toThrow(/solo adición/)
    expect((await ledger().verifyLedger()).ok).toBe(true)
  })

  it("with the trigger disabled by a superuser, an edited entry is named by audit:verify", async () => {
    for (const i of [1, 2, 3, 4]) {
      await append(i)
    }
    const { rows } = await pg().raw("select id from audit_entry where sequence = 2")
    await pg().raw("alter table audit_entry disable trigger audit_entry_append_only")
    await pg().raw("update audit_entry set actor_id = 'cus_otro' where sequence = 2")
    await pg().raw("alter table audit_entry enable trigger audit_entry_append_only")
    const v = await ledger().verifyLedger()
    expect(v.ok).toBe(false)
    expect(v.first_break).toMatchObject({ sequence: "2", entry_id: rows[0].id, reason: "entry_hash_mismatch" })
    const { code, out } = await cli()
    expect(out).toContain(`PRIMERA ENTRADA ROTA: secuencia 2 (id ${rows[0].id})`)
    expect(code).toBe(1)
  })

  it("with the trigger disabled, a deleted entry is named by audit:verify", async () => {
    for (const i of [1, 2, 3, 4]) {
      await append(i)
    }
    await pg().raw("alter table audit_entry disable trigger audit_entry_append_only")
    await pg().raw("delete from audit_entry where sequence = 2")
    const v = await ledger().verifyLedger()
    expect(v.first_break).toMatchObject({ sequence: "3", reason: "sequence_gap" })
    const r = await cli()
    expect(r.out).toContain("PRIMERA ENTRADA ROTA: secuencia 3")
    expect(r.code).toBe(1)
    await pg().raw("alter table audit_entry enable trigger audit_entry_append_only")
  })

  it("publishes daily checkpoints without login; a rewritten day is detected", async () => {
    const base = await head()
    for (const i of [1, 2, 3]) {
      await append(i)
    }
    const day = new Date().toISOString().slice(0, 10)
    const { result } = await createAuditCheckpointWorkflow(container()).run({ input: { day } })
    expect(result).toMatchObject({ day, entry_count: base + 3, first_sequence: "1", last_sequence: String(base + 3) })
    const again = await createAuditCheckpointWorkflow(container()).run({ input: { day } })
    expect(again.result.id).toBe(result.id)

    const res = await request(baseUrl()).get("/public/audit/checkpoints")
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(1)
    expect(res.body.checkpoints[0]).toMatchObject({ day, entry_count: base + 3, merkle_root: result.merkle_root })

    // Truncating the tail of the day (trigger off) is caught by the checkpoint.
    await pg().raw("alter table audit_entry disable trigger audit_entry_append_only")
    await pg().raw("delete from audit_entry where sequence = ?", [base + 3])
    await pg().raw("alter table audit_entry enable trigger audit_entry_append_only")
    const v = await ledger().verifyLedger()
    expect(v.first_break).toBeNull()
    expect(v.checkpoint_breaks).toEqual([expect.objectContaining({ day, reason: "count_mismatch" })])
    expect((await cli()).code).toBe(1)
  })

  it("compensation appends a 'reverted' entry and deletes nothing", async () => {
    const base = await head()
    const wf = failingAuditedWorkflow(container())
    ;(wf.addAction as unknown as (n: string, h: unknown, o: unknown) => void)(
      "fail-at-end",
      {
        invoke: async () => {
          throw new Error("fallo inducido por la prueba")
        },
      },
      { noCompensation: true },
    )
    const { transaction } = await wf.run({ throwOnError: false })
    expect(transaction.getFlow().state).toBe("reverted")
    const { rows } = await pg().raw(
      "select sequence::text as s, action, details from audit_entry where sequence > ? order by audit_entry.sequence",
      [base],
    )
    expect(rows).toEqual([
      expect.objectContaining({ s: String(base + 1), action: "prueba.accion" }),
      expect.objectContaining({
        s: String(base + 2),
        action: "prueba.accion.reverted",
        details: expect.objectContaining({ reverts_sequence: String(base + 1) }),
      }),
    ])
    expect(await head()).toBe(base + 2)
    expect((await ledger().verifyLedger()).ok).toBe(true)
  })

  it("auditor export: paginated, permission audit_ledger:read", async () => {
    const base = await head()
    for (const i of [1, 2, 3]) {
      await append(i)
    }
    const auditor = world().actors.auditor.token
    const res = await request(baseUrl())
      .get(`/auditor/audit/entries?limit=2&offset=${base + 1}`)
      .set("authorization", `Bearer ${auditor}`)
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(base + 3)
    expect(res.body.entries.map((e: { sequence: string }) => e.sequence)).toEqual(seqs(base + 1, 2))
    expect(res.body.entries[0]).toHaveProperty("entry_hash")
    const observer = await request(baseUrl()).get("/auditor/audit/entries").set("authorization", `Bearer ${world().actors.observer.token}`)
    expect(observer.status).toBe(403)
  })
})
