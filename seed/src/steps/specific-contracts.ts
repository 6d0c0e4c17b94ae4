import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSpecificContractWorkflow } from "@tienda/contracts/workflows"
import { backingRequisition } from "./backing-requisition"
import { AGENCIES } from "../fixtures/agencies"
import { SUPPLIERS } from "../fixtures/suppliers"
import { makeRfc } from "../rfc"

/** The demo requisition's number, so the step finds its contract on the next run. */
const DEMO_REQUISITION = "REQ-DEMO-0001"

/**
 * One demo specific contract pending signatures: Secretaría de Salud buys
 * three items of the office-supplies framework contract (partida 21101) from
 * Papelería Industrial del Bajío, charged to its 21101 budget key, delivered
 * to its warehouse, backed by an approved demo requisition whose total is
 * reserved on that key (contracts come only from requisitions, ADR 0010).
 * Idempotent (looked up by its demo requisition number);
 * skipped with a warning when its ingredients are missing.
 */
export async function seedSpecificContracts({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({ entity: "requisition", fields: ["id"], filters: { number: DEMO_REQUISITION } })
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
  const { data: contracts } = await query.graph({
    entity: "framework_contract",
    fields: ["id", "lots.id"],
    filters: { number: "CM-SHCP-2026-0001" },
  })
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
  const lines = picked.map((o, i) => ({ offer_id: o.id as string, quantity: [40, 25, 12][i] }))
  const place = "Almacén General de la Secretaría de Salud, Lieja 7, Juárez, Ciudad de México"
  // the demo key may be a SICOP/SIAFF one: without its system the demo contract is left out
  const requisition = await backingRequisition(container, {
    number: DEMO_REQUISITION,
    agency_id: agency.id,
    unit_id: unit("SSA-UC") ?? (units[0]?.id as string),
    requester_person_id: buyers[0].id,
    budget_key_id: keys[0].id,
    offers: lines,
    delivery_place: place,
    delivery_date: new Date(Date.now() + 15 * 86400000).toISOString().slice(0, 10),
  }).catch((e: Error) => {
    logger.warn(`seed: demo specific contract skipped (its requisition could not be reserved: ${e.message})`)
    return null
  })
  if (!requisition) {
    return
  }
  const { result } = await createSpecificContractWorkflow(container).run({
    input: {
      agency_id: agency.id,
      agency_unit_id: unit("SSA-UC"),
      supplier_id: supplier.id,
      framework_contract_id: contracts[0].id,
      budget_key_id: keys[0].id,
      requisition_id: requisition.id,
      approved_total: requisition.total,
      lines,
      delivery: { place, unit_id: unit("SSA-ALM") },
      actor: {
        person_id: buyers[0].id,
        actor_type: buyers[0].actor_type as string,
        actor_id: buyers[0].actor_id as string,
        role: "purchasing_unit",
        organization_id: agency.id,
      },
    },
  })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({ requisition: { requisition_id: requisition.id }, specific_contract: { specific_contract_id: result.id } })
  logger.info(`seed: demo specific contract ${result.number} pending signatures (requisition ${requisition.number})`)
}
