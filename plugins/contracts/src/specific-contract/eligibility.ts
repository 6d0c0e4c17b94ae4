import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Resolver = Pick<MedusaContainer, "resolve">
const t = (d: unknown) => new Date(d as string).getTime()

/**
 * May this supplier be contracted under this framework contract now? The
 * same rules as framework-contracts' evaluateEligibility(purpose
 * "contract"): contract published and in force, supplier enrolled and
 * active, no sanction in force, every offer active. Facts are read through
 * Query (no import of that plugin, whose workflows may come to depend on
 * this one for the audit ledger). Returns the Spanish reasons, empty when
 * eligible.
 */
export async function contractEligibilityReasons(
  container: Resolver,
  input: { supplier_id: string; supplier_rfc: string; framework_contract_id: string; offer_statuses: string[]; at: Date }
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const at = input.at.getTime()
  const reasons: string[] = []
  const { data: contracts } = await query.graph({
    entity: "framework_contract",
    fields: ["id", "status", "valid_from", "valid_until"],
    filters: { id: input.framework_contract_id },
  })
  const c = contracts[0]
  if (!c) {
    return ["El contrato marco no existe."]
  }
  if (c.status !== "published") {
    reasons.push(`El contrato marco no está publicado (estado: ${c.status}).`)
  }
  if (at < t(c.valid_from) || at >= t(c.valid_until)) {
    reasons.push("El contrato marco no está vigente en esta fecha.")
  }
  const { data: enrolments } = await query.graph({
    entity: "supplier_enrolment",
    fields: ["id", "status", "valid_from", "valid_until"],
    filters: { contract_id: input.framework_contract_id, supplier_id: input.supplier_id },
  })
  const e = enrolments[0]
  if (!e || e.status !== "active" || at < t(e.valid_from) || (e.valid_until && at >= t(e.valid_until))) {
    reasons.push(
      e && e.valid_until && at >= t(e.valid_until)
        ? "La adhesión del proveedor a este contrato marco venció."
        : "El proveedor no está adherido (dado de alta) en este contrato marco."
    )
  }
  const { data: sanctions } = await query.graph({
    entity: "sanction",
    fields: ["type", "authority", "starts_on", "ends_on"],
    filters: { supplier_rfc: input.supplier_rfc },
  })
  for (const s of sanctions.filter((s) => t(s.starts_on) <= at && (!s.ends_on || at < t(s.ends_on)))) {
    reasons.push(`El proveedor está sancionado (${s.type}, ${s.authority}) y no puede participar.`)
  }
  if (input.offer_statuses.some((s) => s !== "active")) {
    reasons.push("La oferta del proveedor no está vigente.")
  }
  return reasons
}
