import type { MedusaContainer } from "@medusajs/framework/types"
import { createBudgetKeysWorkflow, type CreateBudgetKeyInput } from "@tienda/budget/workflows"

let n = 0

/** Creates one budget key through the workflow and returns its id and clave. */
export async function makeKey(container: MedusaContainer, organizationId: string, over: Partial<CreateBudgetKeyInput> = {}) {
  n++
  const { result } = await createBudgetKeysWorkflow(container).run({
    input: {
      keys: [
        {
          organization_id: organizationId,
          fiscal_year: 2026,
          ramo: "12",
          unidad_responsable: `5${String(n).padStart(2, "0")}`,
          programa_presupuestario: "M001",
          partida_especifica: "21101",
          fuente_financiamiento: "1",
          entidad_federativa: "09",
          provider: "own_resources",
          aprobado: "1000000.00",
          ...over,
        },
      ],
    },
  })
  return result[0]
}

/** Deterministic pseudo-random amounts (mulberry32), in centavos-exact strings. */
export function amounts(count: number, min: number, max: number, seed = 20261122): string[] {
  let a = seed
  const rand = () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return Array.from({ length: count }, () => {
    const centavos = Math.floor(min * 100 + rand() * (max - min) * 100)
    return `${Math.floor(centavos / 100)}.${String(centavos % 100).padStart(2, "0")}`
  })
}

/** A promise the test opens once every call has been created (start barrier). */
export function barrier() {
  let open!: () => void
  const gate = new Promise<void>((r) => (open = r))
  return { gate, open }
}
