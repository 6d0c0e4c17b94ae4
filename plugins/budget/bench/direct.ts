import { randomUUID } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { BUDGET_MODULE } from "@tienda/budget/modules/budget"
import { reserveBudgetWorkflow } from "@tienda/budget/workflows"

type Ledger = {
  appendEntries: (i: Record<string, unknown>[]) => Promise<unknown>
  appendNow: (i: Record<string, unknown>[]) => Promise<unknown>
  ledgerWriteStats: () => Promise<{ calls: number; entries: number; transactions: number }>
}

type Service = {
  applyMovement: (i: Record<string, unknown>) => Promise<unknown>
  listBudgetKeys: (f: Record<string, unknown>, c?: Record<string, unknown>) => Promise<{ organization_id: string }[]>
}

/**
 * Without HTTP (run with `medusa exec`): reservations/s on the hot key
 * through the module service alone (the PostgreSQL guard) and through the
 * reserve workflow, CONCURRENCY in flight, for SECONDS each; and the
 * audit-ledger append alone, one transaction per call vs group commit.
 */
export default async function direct({ container }: ExecArgs) {
  const world = JSON.parse(readFileSync(process.env.BENCH_OUTPUT as string, "utf8"))
  const seconds = Number(process.env.BENCH_DIRECT_SECONDS || 8)
  const concurrency = Number(process.env.BENCH_CONNECTIONS || 32)
  const service = container.resolve<Service>(BUDGET_MODULE)
  const [key] = await service.listBudgetKeys({ id: world.hot })
  const measure = async (call: () => Promise<unknown>) => {
    const until = Date.now() + seconds * 1000
    let ok = 0
    let failed = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          await call().then(
            () => ok++,
            () => failed++,
          )
        }
      }),
    )
    return { rps: ok / seconds, ok, failed }
  }
  const movement = () => ({
    budget_key_id: world.hot,
    type: "reserve",
    amount: "1.00",
    reference_type: "requisition",
    reference_id: "direct",
    idempotency_key: randomUUID(),
  })
  const ledger = container.resolve<Ledger>("audit_ledger")
  const entry = () => [{ actor_type: "system", actor_id: "bench", action: "bench.append", entity_type: "bench", entity_id: randomUUID() }]
  /** Runs a measurement and reports the ledger's committed entries per transaction during it. */
  const withLedgerStats = async (call: () => Promise<unknown>) => {
    const before = await ledger.ledgerWriteStats()
    const out = await measure(call)
    const after = await ledger.ledgerWriteStats()
    const transactions = after.transactions - before.transactions
    return { ...out, entriesPerTransaction: transactions ? (after.entries - before.entries) / transactions : 0 }
  }
  const serviceOnly = await measure(() => service.applyMovement(movement()))
  const appendNow = await withLedgerStats(() => ledger.appendNow(entry()))
  const appendGrouped = await withLedgerStats(() => ledger.appendEntries(entry()))
  const workflow = await withLedgerStats(() =>
    reserveBudgetWorkflow(container).run({
      input: { ...movement(), organization_id: key.organization_id, reference_type: "requisition" } as never,
    }),
  )
  writeFileSync(
    process.env.BENCH_DIRECT_OUTPUT as string,
    JSON.stringify({ serviceOnly, appendNow, appendGrouped, workflow, seconds, concurrency }),
  )
}
