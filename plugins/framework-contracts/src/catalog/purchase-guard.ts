import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { loadAccessContext, PERMISSIONS, type AccessContext } from "@tienda/organizations/utils"
import { unitsWithPermission } from "@tienda/organizations/http"
import { FRAMEWORK_CONTRACT_MODULE } from "../modules/framework_contract"
import type FrameworkContractModuleService from "../modules/framework_contract/service"
import { loadEligibilityFacts } from "./load-eligibility"
import { evaluateEligibility } from "./eligibility"

export type PurchaseLine = { variant_id: string; quantity?: number | null }

/** Code first, then the Spanish message (docs/conventions.md, errors). */
const refuse = (code: string, message: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

type GuardedOffer = {
  id: string
  variant_id: string
  supplier_id: string
  min_order_qty: number
  item: { id: string; name: string; lot: { contract_id: string } }
}

/**
 * The server-side gate of every cart: each line must be an offer of a
 * framework contract the buyer's unit is enrolled in, from a supplier that
 * may be contracted now (enrolled, not sanctioned, contract published and in
 * force, offer active). Called from the cart hooks on add, create and
 * complete, so a sanction blocks purchases in the very next request.
 */
export async function assertOffersPurchasable(
  container: MedusaContainer,
  input: { customer_id: string | null | undefined; lines: PurchaseLine[]; check_quantities?: boolean; now?: Date },
): Promise<void> {
  const lines = input.lines.filter((l) => !!l.variant_id)
  if (!lines.length) {
    return
  }
  const now = input.now ?? new Date()
  if (!input.customer_id) {
    refuse("COMPRADOR_NO_IDENTIFICADO", "Inicia sesión con una cuenta de dependencia para comprar en la tienda.")
  }
  const access = await loadAccessContext(container, "customer", input.customer_id as string, now)
  if (!access || access.organization_kind !== "agency") {
    refuse("COMPRADOR_NO_AUTORIZADO", "Solo el personal de una dependencia con alta en la tienda puede comprar.")
  }
  const service = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const variantIds = [...new Set(lines.map((l) => l.variant_id))]
  const offers = (await service.listOffers(
    { variant_id: variantIds },
    { relations: ["item", "item.lot"], take: null },
  )) as unknown as GuardedOffer[]
  for (const id of variantIds) {
    if (!offers.some((o) => o.variant_id === id)) {
      refuse("PRODUCTO_FUERA_DE_CONTRATO_MARCO", "El producto no corresponde a una oferta de un contrato marco.")
    }
  }
  const contractIds = await buyerContracts(service, access as AccessContext)
  for (const offer of offers) {
    const contractId = offer.item.lot.contract_id
    if (!contractIds.has(contractId)) {
      refuse("UNIDAD_NO_ADHERIDA", `Tu unidad no está adherida al contrato marco de «${offer.item.name}»; no puedes comprarlo.`)
    }
    const facts = await loadEligibilityFacts(container, offer.supplier_id, contractId, offer.item.id)
    const verdict = evaluateEligibility(facts, "contract", now)
    if (!verdict.eligible) {
      const reason = verdict.reasons[0]
      refuse(reason.code, `«${offer.item.name}» no se puede comprar: ${reason.message}`)
    }
    if (input.check_quantities) {
      const quantity = lines.filter((l) => l.variant_id === offer.variant_id).reduce((sum, l) => sum + Number(l.quantity ?? 0), 0)
      if (quantity < offer.min_order_qty) {
        refuse(
          "CANTIDAD_MINIMA_NO_ALCANZADA",
          `«${offer.item.name}»: la cantidad mínima de compra de este proveedor es ${offer.min_order_qty}.`,
        )
      }
    }
  }
}

/** Contracts in which at least one unit where the buyer may requisition is enrolled. */
async function buyerContracts(service: FrameworkContractModuleService, access: AccessContext): Promise<Set<string>> {
  const units = unitsWithPermission(access, PERMISSIONS.REQUISITIONS_CREATE)
  if (units !== null && units.length === 0) {
    refuse("SIN_PERMISO_DE_COMPRA", "Tu cuenta no tiene un rol que permita elaborar requisiciones.")
  }
  const enrolments = await service.listUnitEnrolments(units === null ? { organization_id: access.organization_id } : { unit_id: units }, {
    take: null,
  })
  return new Set(enrolments.map((e) => (e as unknown as { contract_id: string }).contract_id))
}
