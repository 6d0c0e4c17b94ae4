import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { releaseStaleReservations, reservationTtlHours } from "@tienda/budget/jobs/release-stale-reservations"
import { BUDGET_MODULE } from "@tienda/budget/modules/budget"
import { BudgetPaymentProviderService } from "@tienda/budget/providers/payment-budget"
import { commitBudgetWorkflow, reserveBudgetWorkflow } from "@tienda/budget/workflows"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"
import { makeKey } from "./helpers"

// @redis: scheduled job releasing stale reservations
// @redis-tests: stale-reservation job|authorize commits the reservation

type BudgetService = {
  getBalances: (id: string) => Promise<Record<string, string> | null>
  reconcile: (id: string) => Promise<{ balanced: boolean }>
  listBudgetMovements: (
    f: Record<string, unknown>,
    c?: Record<string, unknown>,
  ) => Promise<{ id: string; type: string; amount: unknown; idempotency_key: string; parent_id: string | null }[]>
}

const PROVIDER = "pp_budget_budget"

describeApp("budget as a Medusa payment provider; stale reservations", ({ world, container }) => {
  const budget = () => container().resolve<BudgetService>(BUDGET_MODULE)
  const payments = () => container().resolve<IPaymentModuleService>(Modules.PAYMENT)
  const ledger = auditLedger(container)
  const audited = async (after: number) => (await ledger.since(after)).map((e) => `${e.action} ${e.actor_id}`)
  const types = async (keyId: string) =>
    (await budget().listBudgetMovements({ budget_key_id: keyId }, { order: { created_at: "ASC" }, take: null })).map((m) => m.type)

  const reserve = async (keyId: string, amount: string, idem: string) =>
    (
      await reserveBudgetWorkflow(container()).run({
        input: {
          budget_key_id: keyId,
          organization_id: world().orgs.agencyA,
          amount,
          reference_type: "requisition",
          reference_id: `req_${idem}`,
          idempotency_key: idem,
        },
      })
    ).result

  /** A payment collection and a budget session paying `amount` from `data`. */
  const session = async (amount: number, data: Record<string, unknown>) => {
    const collection = await payments().createPaymentCollections({ currency_code: "mxn", amount })
    return payments().createPaymentSession(collection.id, { provider_id: PROVIDER, currency_code: "mxn", amount, data })
  }

  it("is registered in the payment module and offered in the México region", async () => {
    const providers = await payments().listPaymentProviders({ id: [PROVIDER] })
    expect(providers.map((p) => p.id)).toEqual([PROVIDER])
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "region", fields: ["name", "payment_providers.id"], filters: { name: "México" } })
    expect(data[0].payment_providers.map((p: { id: string } | null) => p?.id)).toContain(PROVIDER)
  })

  it("authorize commits the reservation, capture pays it, both idempotent; the ledger moves reserved → committed → paid", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "10000.00" })
    const base = await ledger.head()
    const reservation = await reserve(key.id, "2500.00", "pay-r1")
    const s = await session(2500, { budget_reservation_id: reservation.id })
    expect(s.status).toBe("pending")
    expect(s.data).toMatchObject({ budget_key_id: key.id, budget_reservation_id: reservation.id, amount: "2500.00" })
    expect(await budget().getBalances(key.id)).toMatchObject({ reservado: "2500.00", comprometido: "0.00" })

    const payment = await payments().authorizePaymentSession(s.id, {})
    expect(payment!.data).toMatchObject({ commit_movement_id: expect.stringMatching(/^bmov_/) })
    expect(await budget().getBalances(key.id)).toMatchObject({ reservado: "0.00", comprometido: "2500.00", disponible: "7500.00" })
    // Medusa retries: the session is authorized once; the provider itself replays the same commit.
    expect((await payments().authorizePaymentSession(s.id, {}))!.id).toBe(payment!.id)
    const provider = new BudgetPaymentProviderService({}, {})
    const again = await provider.authorizePayment({ data: s.data })
    expect(again.data!.commit_movement_id).toBe(payment!.data!.commit_movement_id)
    expect(await types(key.id)).toEqual(["reserve", "commit"])
    expect((await provider.getPaymentStatus({ data: payment!.data })).status).toBe("authorized")

    // Own-resources key: finance reports the SPEI clave de rastreo after the invoice match.
    const refused = await payments()
      .capturePayment({ payment_id: payment!.id })
      .catch((e) => e)
    expect(refused).toMatchObject({ code: "CLAVE_RASTREO_REQUERIDA" })
    await payments().updatePayment({ id: payment!.id, data: { ...payment!.data, clave_rastreo: "BNET01002611220000123456" } } as never)
    const captured = await payments().capturePayment({ payment_id: payment!.id })
    expect(captured.captured_at).toBeTruthy()
    expect(await budget().getBalances(key.id)).toMatchObject({ comprometido: "0.00", pagado: "2500.00", disponible: "7500.00" })
    const capturedData = (await payments().retrievePayment(payment!.id)).data as Record<string, unknown>
    expect((await provider.getPaymentStatus({ data: capturedData })).status).toBe("captured")
    await provider.capturePayment({ data: capturedData })
    expect(await types(key.id)).toEqual(["reserve", "commit", "accrue", "exercise", "pay"])
    expect((await budget().reconcile(key.id)).balanced).toBe(true)
    // Medusa's retries replay movements: one audit entry per stage, by the payment provider.
    expect(await audited(base)).toEqual([
      "budget_key.reserved budget-reserve-budget",
      ...["committed", "accrued", "exercised", "paid"].map((a) => `budget_key.${a} budget-payment-provider`),
    ])

    // Refund (reintegro) puts the money back in disponible, once per refund.
    await payments().refundPayment({ payment_id: payment!.id, amount: 1000 })
    expect(await budget().getBalances(key.id)).toMatchObject({ pagado: "1500.00", comprometido: "0.00", disponible: "8500.00" })
    expect((await budget().reconcile(key.id)).balanced).toBe(true)
    // through a workflow: three reversals and the release, each in the audit ledger
    expect((await audited(base)).slice(5)).toEqual([
      ...["reversed", "reversed", "reversed", "released"].map((a) => `budget_key.${a} budget-payment-provider`),
    ])
  })

  it("cancel releases the commitment back to disponible, once", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "5000.00" })
    const reservation = await reserve(key.id, "1200.00", "pay-c1")
    const s = await session(1200, { budget_reservation_id: reservation.id })
    const payment = await payments().authorizePaymentSession(s.id, {})
    await payments().cancelPayment(payment!.id)
    expect(await budget().getBalances(key.id)).toMatchObject({ reservado: "0.00", comprometido: "0.00", disponible: "5000.00" })
    const data = (await payments().retrievePayment(payment!.id)).data as Record<string, unknown>
    const provider = new BudgetPaymentProviderService({}, {})
    await provider.cancelPayment({ data })
    expect(await types(key.id)).toEqual(["reserve", "commit", "release"])
    expect((await provider.getPaymentStatus({ data })).status).toBe("canceled")
    expect((await budget().reconcile(key.id)).balanced).toBe(true)
  })

  it("refuses authorization with a clear error when funds are insufficient; nothing is committed", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "1000.00" })
    // No reservation: the commitment draws straight from disponible.
    const s = await session(1500, { budget_key_id: key.id })
    const err = await payments()
      .authorizePaymentSession(s.id, {})
      .catch((e) => e)
    expect(err).toMatchObject({
      code: "FONDOS_INSUFICIENTES",
      message: `Fondos insuficientes en la clave presupuestal ${key.clave}: se solicitan $1,500.00 MXN y el disponible es $1,000.00 MXN.`,
    })
    // Drawing more than the reservation holds is refused too.
    const reservation = await reserve(key.id, "300.00", "pay-i1")
    const over = await session(400, { budget_reservation_id: reservation.id })
    await expect(payments().authorizePaymentSession(over.id, {})).rejects.toMatchObject({ code: "IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO" })
    expect(await budget().getBalances(key.id)).toMatchObject({ reservado: "300.00", comprometido: "0.00" })
    expect((await payments().listPayments({ payment_session_id: [s.id, over.id] })).length).toBe(0)
  })

  it("refuses a session without a budget reference, or with another agency's key for a buyer", async () => {
    await expect(session(100, {})).rejects.toMatchObject({ code: "RESERVA_PRESUPUESTAL_REQUERIDA" })
    const theirs = await makeKey(container(), world().orgs.agencyB)
    const provider = new BudgetPaymentProviderService({}, {})
    const buyer = world().actors.requiring_unit
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data: people } = await query.graph({ entity: "person", fields: ["actor_id"], filters: { id: buyer.person_id } })
    const call = (budget_key_id: string) =>
      provider.initiatePayment({
        amount: 10,
        currency_code: "mxn",
        data: { session_id: "payses_test", budget_key_id },
        context: { customer: { id: people[0].actor_id, email: buyer.email } },
      })
    await expect(call(theirs.id)).rejects.toMatchObject({ code: "CLAVE_PRESUPUESTAL_DE_OTRA_DEPENDENCIA" })
    const mine = await makeKey(container(), world().orgs.agencyA)
    await expect(call(mine.id)).resolves.toMatchObject({ data: { budget_key_id: mine.id } })
  })

  it("the stale-reservation job releases what is left of reservations older than the TTL, idempotently", async () => {
    expect(reservationTtlHours({})).toBe(168)
    expect(reservationTtlHours({ BUDGET_RESERVATION_TTL_HOURS: "48" })).toBe(48)
    expect(reservationTtlHours({ BUDGET_RESERVATION_TTL_HOURS: "-1" })).toBe(168)
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "9000.00" })
    const untouched = await reserve(key.id, "1000.00", "stale-1")
    const partly = await reserve(key.id, "2000.00", "stale-2")
    const full = await reserve(key.id, "3000.00", "stale-3")
    const commit = (parent: string, amount: string, idem: string) =>
      commitBudgetWorkflow(container()).run({
        input: {
          budget_key_id: key.id,
          organization_id: world().orgs.agencyA,
          amount,
          parent_id: parent,
          reference_type: "contract",
          reference_id: "ctr_1",
          idempotency_key: idem,
        },
      })
    await commit(partly.id, "500.00", "stale-2c")
    await commit(full.id, "3000.00", "stale-3c")
    const base = await ledger.head()

    // Not stale yet.
    expect((await releaseStaleReservations(container(), { ttlHours: 48 })).released).toBe(0)
    // Three days later, with a 48 h TTL: the untouched one and the rest of the partial one.
    const later = new Date(Date.now() + 72 * 3600_000)
    const first = await releaseStaleReservations(container(), { now: later, ttlHours: 48, batchSize: 1 })
    expect(first).toMatchObject({ released: 2, failed: 0, amount_released: { [key.id]: "2500.00" } })
    expect(await budget().getBalances(key.id)).toMatchObject({ reservado: "0.00", comprometido: "3500.00", disponible: "5500.00" })
    // A second run (or a second worker) releases nothing more.
    expect((await releaseStaleReservations(container(), { now: later, ttlHours: 48 })).released).toBe(0)
    const releases = (await budget().listBudgetMovements({ budget_key_id: key.id, type: "release" })).map((m) => m.parent_id).sort()
    expect(releases).toEqual([untouched.id, partly.id].sort())
    expect(await audited(base)).toEqual(Array(2).fill("budget_key.released budget-release-stale-reservations"))
    expect((await budget().reconcile(key.id)).balanced).toBe(true)
  })
})
