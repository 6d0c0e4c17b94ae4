import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createBudgetKeysWorkflow } from "@tienda/budget/workflows"
import { createOrganizationWorkflow, createPersonWorkflow } from "@tienda/organizations/workflows"

/**
 * Benchmark world (run with `medusa exec`): one agency, one Budget-role
 * person, one hot key and 100 keys. Writes ids to BENCH_OUTPUT.
 */
export default async function setup({ container }: ExecArgs) {
  const { result: org } = await createOrganizationWorkflow(container).run({
    input: {
      kind: "agency",
      rfc: "BEN630502CU2",
      legal_name: "Dependencia de Pruebas de Carga",
      regimen_fiscal: "603",
      codigo_postal: "06600",
      units: [{ code: "BEN-PRES", name: "Presupuesto", kind: "budget_area", state_code: "CMX", codigo_postal: "06600" }],
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: units } = await query.graph({ entity: "organization_unit", fields: ["id"], filters: { code: "BEN-PRES" } })
  const email = "presupuesto@carga.prueba.gob.mx"
  await createPersonWorkflow(container).run({
    input: {
      organization_id: org.id,
      full_name: "Responsable de Presupuesto",
      email,
      rfc: "PEPA800101AB1",
      password: "Prueba-Segura-2026",
      roles: [{ role: "budget", unit_id: units[0].id }],
    },
  })
  const key = (i: number, aprobado: string) => ({
    organization_id: org.id,
    fiscal_year: 2026,
    ramo: "99",
    unidad_responsable: String(i).padStart(3, "0"),
    programa_presupuestario: "M001",
    partida_especifica: "21101",
    fuente_financiamiento: "1",
    entidad_federativa: "09",
    provider: "own_resources" as const,
    aprobado,
  })
  const { result: hot } = await createBudgetKeysWorkflow(container).run({ input: { keys: [key(0, "1000000000.00")] } })
  const { result: many } = await createBudgetKeysWorkflow(container).run({
    input: { keys: Array.from({ length: 100 }, (_, i) => key(i + 1, "10000000.00")) },
  })
  const { result: tight } = await createBudgetKeysWorkflow(container).run({ input: { keys: [key(999, "5000.00")] } })
  const { result: apiKeys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "bench", type: "publishable", created_by: "bench" }] },
  })
  writeFileSync(
    process.env.BENCH_OUTPUT as string,
    JSON.stringify({
      publishable: apiKeys[0].token,
      email,
      password: "Prueba-Segura-2026",
      hot: hot[0].id,
      many: many.map((k) => k.id),
      tight: tight[0].id,
    }),
  )
}
