import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSpecificContractWorkflow } from "@tienda/contracts/workflows"
import { AGENCIES } from "../fixtures/agencies"
import { SUPPLIERS } from "../fixtures/suppliers"
import { makeRfc } from "../rfc"

/** Marks the demo contract, so the step finds it on the next run. */
const DEMO_REQUISITION = "req_demo_contrato_especifico"

/**
 * One demo specific contract pending signatures: Secretaría de Salud buys
 * three items of the office-supplies framework contract (partida 21101) from
 * Papelería Industrial del Bajío, charged to its 21101 budget key, delivered
 * to its warehouse. Idempotent (looked up by its demo requisition id);
 * skipped with a warning when its ingredients are missing.
 */
export async function seedSpecificContracts({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({ entity: "specific_contract", fields: ["id", "number"], filters: { requisition_id: DEMO_REQUISITION } })
  if (existing.length) {
    return
  }
  const salud = AGENCIES.find((a) => a.key === "salud")!
  const supplierFixture = SUPPLIERS.find((s) => s.key === "papeleria-bajio")!
  const { data: orgs } = await query.graph({
    entity: "organization",
    fields: ["id", "rfc", "units.id", "units.code"],
    filters: { rfc: [makeRfc(...salud.rfc), makeRfc(...supplierFixture.rfc)] },
  })
  const agency = orgs.find((o) => o.rfc === makeRfc(...salud.rfc))
  const supplier = orgs.find((o) => o.rfc === makeRfc(...supplierFixture.rfc))
  const { data: contracts } = await query.graph({ entity: "framework_contract", fields: ["id", "lots.id"], filters: { number: "CM-SHCP-2026-0001" } })
  const { data: people } = agency
    ? await query.graph({
        entity: "person",
        fields: ["id", "actor_id", "actor_type", "created_at", "role_assignments.role"],
        filters: { organization_id: agency.id },
      })
    : { data: [] }
  const buyers = people
    .filter((p) => ((p.role_assignments ?? []) as ({ role: string } | null)[]).some((a) => a?.role === "purchasing_unit"))
    .sort((a, b) => new Date(a.created_at as string).getTime() - new Date(b.created_at as string).getTime())
  if (!agency || !supplier || !contracts[0] || !buyers[0]) {
    logger.warn("seed: demo specific contract skipped (agency, supplier, framework contract or buyer missing)")
    return
  }
  const lotIds = ((contracts[0].lots ?? []) as ({ id: string } | null)[]).filter(Boolean).map((l) => l!.id)
  const { data: offers } = await query.graph({
    entity: "offer",
    fields: ["id", "item.cog_partida", "item.code", "item.lot_id"],
    filters: { supplier_id: supplier.id, status: "active" },
  })
  const picked = offers
    .filter((o) => o.item && lotIds.includes(o.item.lot_id as string) && o.item.cog_partida === "21101")
    .sort((a, b) => String(a.item!.code).localeCompare(String(b.item!.code)))
    .slice(0, 3)
  const { data: keys } = await query.graph({
    entity: "budget_key",
    fields: ["id"],
    filters: { organization_id: agency.id, partida_especifica: "21101", fiscal_year: 2026 },
  })
  const units = (agency.units ?? []) as ({ id: string; code: string } | null)[]
  const unit = (code: string) => units.find((u) => u?.code === code)?.id ?? null
  if (!picked.length || !keys[0]) {
    logger.warn("seed: demo specific contract skipped (no 21101 offers of the supplier or no 21101 budget key)")
    return
  }
  const { result } = await createSpecificContractWorkflow(container).run({
    input: {
      agency_id: agency.id,
      agency_unit_id: unit("SSA-UC"),
      supplier_id: supplier.id,
      framework_contract_id: contracts[0].id,
      budget_key_id: keys[0].id,
      requisition_id: DEMO_REQUISITION,
      // the demo stands for an approved requisition of up to this amount (with IVA)
      approved_total: "100000.00",
      lines: picked.map((o, i) => ({ offer_id: o.id, quantity: [40, 25, 12][i] })),
      delivery: { place: "Almacén General de la Secretaría de Salud, Lieja 7, Juárez, Ciudad de México", unit_id: unit("SSA-ALM") },
      actor: {
        person_id: buyers[0].id,
        actor_type: buyers[0].actor_type as string,
        actor_id: buyers[0].actor_id as string,
        role: "purchasing_unit",
        organization_id: agency.id,
      },
    },
  })
  logger.info(`seed: demo specific contract ${result.number} pending signatures`)
}
