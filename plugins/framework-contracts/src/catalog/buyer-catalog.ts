import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS, type AccessContext } from "@tienda/organizations/utils"
import { FRAMEWORK_CONTRACT_MODULE } from "../modules/framework_contract"
import type FrameworkContractModuleService from "../modules/framework_contract/service"
import { evaluateEligibility } from "./eligibility"
import { unspscAncestors } from "./unspsc"

const SME = new Set(["micro", "pequena", "mediana"])

type BuyerScope = { unit_ids: string[]; state_code: string | null; contract_ids: string[] }

/**
 * What the caller's units may buy now: contracts published, in force, with
 * at least one of the caller's units enrolled. The delivery zone is the
 * state of the caller's (first) unit.
 */
export async function buyerScope(container: MedusaContainer, access: AccessContext, now = new Date()): Promise<BuyerScope> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const scoped = unitsWithPermission(access, PERMISSIONS.CATALOG_BROWSE)
  const { data: units } = await query.graph({
    entity: "organization_unit",
    fields: ["id", "state_code"],
    filters: scoped === null ? { organization_id: access.organization_id } : { id: scoped },
  })
  const unitIds = units.map((u) => u.id)
  const service = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const enrolments = unitIds.length ? await service.listUnitEnrolments({ unit_id: unitIds }, { take: null }) : []
  const ids = [...new Set(enrolments.map((e) => (e as unknown as { contract_id: string }).contract_id))]
  const contracts = ids.length ? await service.listFrameworkContracts({ id: ids, status: "published" }, { take: null }) : []
  const inForce = contracts.filter((c) => new Date(c.valid_from) <= now && now < new Date(c.valid_until))
  return { unit_ids: unitIds, state_code: units[0]?.state_code ?? null, contract_ids: inForce.map((c) => c.id) }
}

type Offer = {
  id: string
  variant_id?: string | null
  supplier_id: string
  price: unknown
  min_order_qty: number
  delivery_days: unknown
  stock: number | null
  status: string
}

/**
 * The offers of an item buyers may see side by side: active offers of
 * suppliers eligible now (enrolled, not sanctioned), cheapest first.
 */
export async function eligibleOffers(
  container: MedusaContainer,
  contractId: string,
  offers: Offer[],
  stateCode: string | null,
  now = new Date(),
) {
  const active = offers.filter((o) => o.status === "active")
  if (!active.length) {
    return []
  }
  const service = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const supplierIds = [...new Set(active.map((o) => o.supplier_id))]
  const [contract] = await service.listFrameworkContracts({ id: contractId }, { take: 1 })
  const enrolments = await service.listSupplierEnrolments({ contract_id: contractId, supplier_id: supplierIds }, { take: null })
  const { data: orgs } = await query.graph({
    entity: "organization",
    fields: ["id", "rfc", "legal_name", "sme_size"],
    filters: { id: supplierIds },
  })
  const sanctions = orgs.length ? await service.listSanctions({ supplier_rfc: orgs.map((o) => o.rfc) }, { take: null }) : []
  return active
    .map((o) => {
      const org = orgs.find((x) => x.id === o.supplier_id)
      const verdict = evaluateEligibility(
        {
          contract: contract ?? null,
          enrolment: enrolments.find((e) => e.supplier_id === o.supplier_id) ?? null,
          sanctions: sanctions.filter((s) => s.supplier_rfc === org?.rfc),
        },
        "offer",
        now,
      )
      if (!verdict.eligible || !org) {
        return null
      }
      const days = (o.delivery_days ?? {}) as Record<string, number>
      return {
        offer_id: o.id,
        /** The Medusa variant that sells the offer: what a cart line adds (POST /store/carts/:id/line-items). */
        variant_id: o.variant_id ?? null,
        supplier: { id: org.id, legal_name: org.legal_name, rfc: org.rfc, sme: SME.has(org.sme_size as string) },
        price: String(o.price),
        currency_code: "mxn",
        min_order_qty: o.min_order_qty,
        stock: o.stock,
        delivery_days: stateCode ? (days[stateCode] ?? null) : null,
        delivers_to_buyer: stateCode ? stateCode in days : false,
        rating: null,
      }
    })
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .sort((a, b) => MathBN.convert(a.price).comparedTo(MathBN.convert(b.price)) ?? 0)
}

export function notVisible(): never {
  throw new MedusaError(
    MedusaError.Types.NOT_FOUND,
    "El artículo no existe o no está en un contrato marco al que tu unidad esté adherida.",
    "ARTICULO_NO_DISPONIBLE",
  )
}

/** Counts of visible items per UNSPSC node (all four levels). */
export function countByNode(codes: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const code of codes) {
    for (const node of [...unspscAncestors(code), code]) {
      counts.set(node, (counts.get(node) ?? 0) + 1)
    }
  }
  return counts
}
