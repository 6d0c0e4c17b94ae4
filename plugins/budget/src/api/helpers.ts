import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AccessContext } from "@tienda/organizations/utils"
import { BUDGET_MODULE } from "../modules/budget"
import type BudgetModuleService from "../modules/budget/service"
import { BUDGET_ERRORS } from "../utils/errors"
import { disponible, toCentavos } from "../utils/money"

export const KEY_FIELDS = [
  "id",
  "organization_id",
  "unit_id",
  "clave",
  "fiscal_year",
  "ramo",
  "unidad_responsable",
  "programa_presupuestario",
  "partida_especifica",
  "fuente_financiamiento",
  "entidad_federativa",
  "description",
  "provider",
  "currency_code",
  "aprobado",
  "modificado",
  "reservado",
  "comprometido",
  "devengado",
  "ejercido",
  "pagado",
  "is_active",
] as const

type KeyRow = Record<(typeof KEY_FIELDS)[number], unknown>

/** A key as the API shows it: stage amounts as exact 2-decimal strings plus disponible. */
export function presentKey(k: KeyRow) {
  const stages = ["aprobado", "modificado", "reservado", "comprometido", "devengado", "ejercido", "pagado"] as const
  const out: Record<string, unknown> = { ...k }
  for (const s of stages) {
    out[s] = toCentavos(k[s])
  }
  out.disponible = disponible(k as never)
  return out
}

/**
 * Loads a key the caller may see (404 unknown, 403 another agency's key or
 * a unit outside the caller's scope for `unitScope`).
 */
export async function keyInScope(container: MedusaContainer, access: AccessContext, keyId: string, unitScope: string[] | null) {
  const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
  const [key] = await service.listBudgetKeys({ id: keyId }, { take: 1 })
  if (!key) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La clave presupuestal ${keyId} no existe.`, BUDGET_ERRORS.KEY_NOT_FOUND)
  }
  if (key.organization_id !== access.organization_id || (unitScope !== null && key.unit_id !== null && !unitScope.includes(key.unit_id))) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "La clave presupuestal pertenece a otra dependencia o a una unidad fuera de tu alcance.",
      BUDGET_ERRORS.KEY_OTHER_AGENCY,
    )
  }
  return key
}

export { withBudgetErrors } from "../http/domain-errors"

/** One page of budget keys matching `filters`, as both the store and admin routes answer it. */
export async function listBudgetKeys(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  page: { offset: number; limit: number },
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "budget_key",
    fields: [...KEY_FIELDS],
    filters,
    pagination: { skip: page.offset, take: page.limit, order: { clave: "ASC" } },
  })
  return {
    budget_keys: data.map((k) => presentKey(k as never)),
    count: metadata?.count ?? data.length,
    offset: page.offset,
    limit: page.limit,
  }
}
