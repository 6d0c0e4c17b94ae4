import { randomUUID } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { BUDGET_MODULE } from "@tienda/budget/modules/budget"
import { reserveBudgetWorkflow } from "@tienda/budget/workflows"

type Service = {
  applyMovement: (i: Record<string, unknown>) => Promise<unknown>
  listBudgetKeys: (f: Record<string, unknown>, c?: Record<string, unknown>) => Promise<{ organization_id: string }[]>
}

/**
 * Without HTTP (run with `medusa exec`): reservations/s on the hot key
 * through the module service alone (the PostgreSQL guard) and through the
 * reserve workflow, CONCURRENCY in flight, for SECONDS each.
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
            () => failed++
          )
        }
      })
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
  const serviceOnly = await measure(() => service.applyMovement(movement()))
  const workflow = await measure(() =>
    reserveBudgetWorkflow(container).run({
      input: { ...movement(), organization_id: key.organization_id, reference_type: "requisition" } as never,
    })
  )
  writeFileSync(process.env.BENCH_DIRECT_OUTPUT as string, JSON.stringify({ serviceOnly, workflow, seconds, concurrency }))
}
