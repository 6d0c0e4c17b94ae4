import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { composeClave, createBudgetKeysWorkflow, type CreateBudgetKeyInput } from "@tienda/budget/workflows"
import { AGENCIES } from "../fixtures/agencies"
import { makeRfc } from "../rfc"

/** Partidas específicas (COG) of the office-supplies catalog and their 2026 budget. */
const PARTIDAS = [
  { partida: "21101", description: "Materiales y útiles de oficina", amount: "850000.00" },
  {
    partida: "21401",
    description: "Materiales y útiles consumibles para el procesamiento en equipos y bienes informáticos",
    amount: "1200000.00",
  },
  { partida: "21601", description: "Material de limpieza", amount: "420000.00" },
  {
    partida: "22104",
    description: "Productos alimenticios para el personal en las instalaciones de las dependencias y entidades",
    amount: "310000.00",
  },
]

/**
 * Unidad responsable and provider per demo agency. The SICOP/SIAFF ones
 * match simulators/sicop-siaff/src/seed-data.ts (same claves); IMSS, an
 * entidad with its own resources, keeps its ledger here.
 */
const AGENCY_BUDGET: Record<string, { ur: string; provider: "own_resources" | "sicop_siaff" }> = {
  salud: { ur: "510", provider: "sicop_siaff" },
  sep: { ur: "710", provider: "sicop_siaff" },
  imss: { ur: "GYR", provider: "own_resources" },
  agricultura: { ur: "110", provider: "sicop_siaff" },
  conagua: { ur: "B00", provider: "sicop_siaff" },
}

export const FISCAL_YEAR = 2026

/**
 * Budget keys (claves presupuestarias) of the demo agencies for partidas
 * 21101, 21401, 21601 and 22104. Idempotent: a clave that exists is left
 * as it is (with whatever has been reserved on it).
 */
export async function seedBudget({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const wanted: CreateBudgetKeyInput[] = []
  for (const agency of AGENCIES) {
    const cfg = AGENCY_BUDGET[agency.key]
    if (!cfg) {
      continue
    }
    const rfc = makeRfc(...agency.rfc)
    const { data: orgs } = await query.graph({ entity: "organization", fields: ["id"], filters: { rfc } })
    if (!orgs[0]) {
      logger.warn(`seed: budget keys skipped for ${agency.short_name} (organization ${rfc} not found)`)
      continue
    }
    for (const p of PARTIDAS) {
      wanted.push({
        organization_id: orgs[0].id,
        fiscal_year: FISCAL_YEAR,
        ramo: agency.ramo,
        unidad_responsable: cfg.ur,
        programa_presupuestario: "M001",
        partida_especifica: p.partida,
        fuente_financiamiento: "1",
        entidad_federativa: "09",
        description: p.description,
        provider: cfg.provider,
        aprobado: p.amount,
      })
    }
  }
  const { data: existing } = await query.graph({
    entity: "budget_key",
    fields: ["clave"],
    filters: { clave: wanted.map(composeClave) },
  })
  const have = new Set(existing.map((k) => k.clave))
  const missing = wanted.filter((k) => !have.has(composeClave(k)))
  if (missing.length) {
    await createBudgetKeysWorkflow(container).run({ input: { keys: missing } })
  }
  logger.info(`seed: budget keys ${missing.length} created, ${have.size} already present`)
  return { created: missing.length }
}
