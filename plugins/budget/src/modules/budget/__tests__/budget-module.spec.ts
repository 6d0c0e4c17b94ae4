import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { join } from "node:path"
import { BUDGET_MODULE } from ".."
import { BudgetKey, BudgetMovement } from "../models"
import type BudgetModuleService from "../service"

jest.setTimeout(120 * 1000)

moduleIntegrationTestRunner<BudgetModuleService>({
  moduleName: BUDGET_MODULE,
  moduleModels: [BudgetKey, BudgetMovement],
  resolve: join(__dirname, ".."),
  testSuite: ({ service }) => {
    let n = 0
    const key = async (modificado = "1000.00", over: Record<string, unknown> = {}) =>
      service.createBudgetKeys({
        organization_id: "org_A",
        clave: `2026-12-510-E023-21101-1-09-${++n}`,
        fiscal_year: 2026,
        ramo: "12",
        unidad_responsable: "510",
        programa_presupuestario: "E023",
        partida_especifica: "21101",
        fuente_financiamiento: "1",
        entidad_federativa: "09",
        aprobado: modificado,
        modificado,
        ...over,
      })
    const move = (keyId: string, type: string, amount: string, extra: Record<string, unknown> = {}) =>
      service.applyMovement({
        budget_key_id: keyId,
        type: type as never,
        amount,
        reference_type: "requisition",
        reference_id: "req_1",
        idempotency_key: `k-${Math.random()}`,
        ...extra,
      })

    describe("budget module", () => {
      it("generates the CRUD method names the workflows use", () => {
        for (const m of ["createBudgetKeys", "listBudgetKeys", "listAndCountBudgetMovements", "retrieveBudgetKey", "updateBudgetKeys"]) {
          expect(typeof (service as unknown as Record<string, unknown>)[m]).toBe("function")
        }
      })

      it("reserves within disponible and refuses beyond it with FONDOS_INSUFICIENTES, changing nothing", async () => {
        const k = await key("1000.00")
        const r = await move(k.id, "reserve", "600.50")
        expect(r.key).toMatchObject({ reservado: "600.50", disponible: "399.50" })
        await expect(move(k.id, "reserve", "399.51")).rejects.toMatchObject({
          type: "not_allowed",
          code: "FONDOS_INSUFICIENTES",
          message: expect.stringContaining("el disponible es $399.50 MXN"),
        })
        expect((await service.getBalances(k.id))!.reservado).toBe("600.50")
        expect(await service.listBudgetMovements({ budget_key_id: k.id })).toHaveLength(1)
        await move(k.id, "reserve", "399.50")
        expect((await service.getBalances(k.id))!.disponible).toBe("0.00")
      })

      it("is idempotent: the same key returns the original movement once; a different payload is refused", async () => {
        const k = await key("100")
        const first = await move(k.id, "reserve", "10", { idempotency_key: "idem-1" })
        const again = await move(k.id, "reserve", "10", { idempotency_key: "idem-1" })
        expect(again.replayed).toBe(true)
        expect(again.movement.id).toBe(first.movement.id)
        expect((await service.getBalances(k.id))!.reservado).toBe("10.00")
        await expect(move(k.id, "reserve", "11", { idempotency_key: "idem-1" })).rejects.toMatchObject({
          code: "IDEMPOTENCIA_CONFLICTO",
        })
        // Concurrent duplicates: exactly one effect.
        let open!: () => void
        const barrier = new Promise<void>((r) => (open = r))
        const calls = Array.from({ length: 10 }, () => barrier.then(() => move(k.id, "reserve", "5", { idempotency_key: "idem-2" })))
        open()
        const results = await Promise.all(calls)
        expect(new Set(results.map((x) => x.movement.id)).size).toBe(1)
        expect(results.filter((x) => !x.replayed)).toHaveLength(1)
        expect((await service.getBalances(k.id))!.reservado).toBe("15.00")
      })

      it("walks the stages reserve → commit → accrue → exercise → pay and the ledger balances", async () => {
        const k = await key("5000")
        const r = await move(k.id, "reserve", "1000")
        const c = await move(k.id, "commit", "800", { parent_id: r.movement.id, reference_type: "contract" })
        await move(k.id, "release", "200", { parent_id: r.movement.id })
        await expect(move(k.id, "release", "0.01", { parent_id: r.movement.id })).rejects.toMatchObject({
          code: "IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO",
        })
        const a = await move(k.id, "accrue", "800", { parent_id: c.movement.id, reference_type: "invoice" })
        const e = await move(k.id, "exercise", "800", { parent_id: a.movement.id, reference_type: "clc" })
        const p = await move(k.id, "pay", "800", { parent_id: e.movement.id, reference_type: "payment" })
        expect(p.key).toMatchObject({
          reservado: "0.00",
          comprometido: "0.00",
          devengado: "0.00",
          ejercido: "0.00",
          pagado: "800.00",
          disponible: "4200.00",
        })
        await expect(move(k.id, "accrue", "1", { parent_id: r.movement.id })).rejects.toMatchObject({
          code: "MOVIMIENTO_NO_PERMITIDO",
        })
        expect((await service.reconcile(k.id)).balanced).toBe(true)
      })

      it("reverses a commit back into its reservation (compensation) and the reservation can be used again", async () => {
        const k = await key("100")
        const r = await move(k.id, "reserve", "100")
        const c = await move(k.id, "commit", "100", { parent_id: r.movement.id })
        await move(k.id, "reversal", "100", { parent_id: c.movement.id })
        expect(await service.getBalances(k.id)).toMatchObject({ reservado: "100.00", comprometido: "0.00" })
        await move(k.id, "release", "100", { parent_id: r.movement.id })
        expect(await service.getBalances(k.id)).toMatchObject({ reservado: "0.00", disponible: "100.00" })
        expect((await service.reconcile(k.id)).balanced).toBe(true)
      })

      it("50 barrier-started reservations never exceed disponible", async () => {
        const k = await key("1000.00")
        let open!: () => void
        const barrier = new Promise<void>((r) => (open = r))
        const calls = Array.from({ length: 50 }, (_, i) =>
          barrier.then(() =>
            move(k.id, "reserve", "70.10", { reference_id: `req_${i}` }).then(
              () => "ok",
              (e: { code?: string }) => e.code,
            ),
          ),
        )
        open()
        const outcomes = await Promise.all(calls)
        const ok = outcomes.filter((o) => o === "ok").length
        expect(ok).toBe(14) // floor(1000 / 70.10)
        expect(outcomes.filter((o) => o === "FONDOS_INSUFICIENTES")).toHaveLength(36)
        const b = (await service.getBalances(k.id))!
        expect(b.reservado).toBe(MathBN.mult("70.10", 14).toFixed(2))
        expect((await service.reconcile(k.id)).balanced).toBe(true)
      })
    })
  },
})
