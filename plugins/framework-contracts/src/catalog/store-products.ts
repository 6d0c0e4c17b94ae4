import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { FRAMEWORK_CONTRACT_MODULE } from "../modules/framework_contract"
import type FrameworkContractModuleService from "../modules/framework_contract/service"
import { evaluateEligibility } from "./eligibility"

/**
 * Which offers to bring in line with the store. Each offer is sold as one
 * Medusa product with one variant (ADR 0006): the product is `published`
 * while the offer may be offered (eligibility purpose "offer") and `draft`
 * otherwise, so Medusa's own store API and cart machinery follow sanctions,
 * suspensions and enrolment at once.
 */
export type OfferSelector = {
  offer_ids?: string[]
  supplier_ids?: string[]
  /** Suppliers by RFC (sanctions name suppliers by RFC). */
  supplier_rfcs?: string[]
  contract_ids?: string[]
  all?: boolean
}

export type ProductToCreate = {
  offer_id: string
  product: Record<string, unknown>
}

export type StoreProductsPlan = {
  create: ProductToCreate[]
  status: { id: string; status: "published" | "draft" }[]
  prices: { id: string; prices: { currency_code: string; amount: number }[] }[]
}

type OfferRow = {
  id: string
  supplier_id: string
  price: unknown
  currency_code: string
  status: string
  variant_id: string | null
  item: {
    id: string
    code: string
    name: string
    description: string
    unspsc_code: string
    cog_partida: string
    sat_clave_unidad: string
    iva_treatment: string
    lot: { id: string; contract_id: string }
  }
}

const OPTION = "Proveedor"

export function productHandle(itemCode: string, supplierRfc: string): string {
  return `${itemCode}-${supplierRfc}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

async function selectOffers(
  container: MedusaContainer,
  service: FrameworkContractModuleService,
  selector: OfferSelector,
): Promise<OfferRow[]> {
  const relations = { relations: ["item", "item.lot"], take: null }
  if (selector.all) {
    return (await service.listOffers({}, relations)) as unknown as OfferRow[]
  }
  const byId = new Map<string, OfferRow>()
  const add = (rows: unknown[]) => (rows as OfferRow[]).forEach((r) => byId.set(r.id, r))
  if (selector.offer_ids?.length) {
    add(await service.listOffers({ id: selector.offer_ids }, relations))
  }
  const supplierIds = [...(selector.supplier_ids ?? [])]
  if (selector.supplier_rfcs?.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "organization", fields: ["id"], filters: { rfc: selector.supplier_rfcs } })
    supplierIds.push(...data.map((o) => o.id as string))
  }
  if (supplierIds.length) {
    add(await service.listOffers({ supplier_id: supplierIds }, relations))
  }
  if (selector.contract_ids?.length) {
    const lots = await service.listFrameworkLots({ contract_id: selector.contract_ids }, { take: null })
    const items = lots.length ? await service.listFrameworkItems({ lot_id: lots.map((l) => l.id) }, { take: null }) : []
    if (items.length) {
      add(await service.listOffers({ item_id: items.map((i) => i.id) }, relations))
    }
  }
  return [...byId.values()]
}

/**
 * Read-only: compares the offers with their Medusa products and returns what
 * must be created, (un)published or repriced.
 */
export async function planStoreProducts(container: MedusaContainer, selector: OfferSelector, now = new Date()): Promise<StoreProductsPlan> {
  const plan: StoreProductsPlan = { create: [], status: [], prices: [] }
  const service = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const offers = await selectOffers(container, service, selector)
  if (!offers.length) {
    return plan
  }
  const contractIds = [...new Set(offers.map((o) => o.item.lot.contract_id))]
  const supplierIds = [...new Set(offers.map((o) => o.supplier_id))]
  const contracts = await service.listFrameworkContracts({ id: contractIds }, { take: null })
  const enrolments = await service.listSupplierEnrolments({ contract_id: contractIds, supplier_id: supplierIds }, { take: null })
  const { data: orgs } = await query.graph({
    entity: "organization",
    fields: ["id", "rfc", "legal_name"],
    filters: { id: supplierIds },
  })
  const sanctions = orgs.length ? await service.listSanctions({ supplier_rfc: orgs.map((o) => o.rfc) }, { take: null }) : []
  const variantIds = offers.map((o) => o.variant_id).filter((v): v is string => !!v)
  const { data: variants } = variantIds.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["id", "product.id", "product.status", "prices.amount", "prices.currency_code"],
        filters: { id: variantIds },
      })
    : { data: [] as Record<string, never>[] }
  const store = await defaultStoreTargets(container)

  for (const offer of offers) {
    const org = orgs.find((o) => o.id === offer.supplier_id)
    if (!org) {
      continue
    }
    const contractId = offer.item.lot.contract_id
    const verdict = evaluateEligibility(
      {
        contract: contracts.find((c) => c.id === contractId) ?? null,
        enrolment: enrolments.find((e) => e.supplier_id === offer.supplier_id && e.contract_id === contractId) ?? null,
        sanctions: sanctions.filter((s) => s.supplier_rfc === org.rfc),
      },
      "offer",
      now,
    )
    const status = verdict.eligible && offer.status === "active" ? "published" : "draft"
    const price = { currency_code: offer.currency_code || "mxn", amount: offer.price as number }
    const variant = offer.variant_id ? variants.find((v) => v.id === offer.variant_id) : undefined
    if (!variant) {
      const handle = productHandle(offer.item.code, org.rfc)
      plan.create.push({
        offer_id: offer.id,
        product: {
          title: offer.item.name,
          subtitle: org.legal_name,
          description: offer.item.description,
          handle,
          external_id: offer.id,
          status,
          is_giftcard: false,
          discountable: false,
          ...(store.sales_channel_id ? { sales_channels: [{ id: store.sales_channel_id }] } : {}),
          ...(store.shipping_profile_id ? { shipping_profile_id: store.shipping_profile_id } : {}),
          metadata: {
            offer_id: offer.id,
            framework_item_id: offer.item.id,
            framework_contract_id: contractId,
            supplier_id: offer.supplier_id,
            unspsc_code: offer.item.unspsc_code,
            cog_partida: offer.item.cog_partida,
            sat_clave_unidad: offer.item.sat_clave_unidad,
            iva_treatment: offer.item.iva_treatment,
          },
          options: [{ title: OPTION, values: [org.legal_name] }],
          variants: [
            {
              title: org.legal_name,
              sku: handle.toUpperCase(),
              manage_inventory: false,
              options: { [OPTION]: org.legal_name },
              prices: [price],
            },
          ],
        },
      })
      continue
    }
    const product = variant.product as { id: string; status: string }
    if (product.status !== status) {
      plan.status.push({ id: product.id, status })
    }
    const current = (variant.prices as { amount: unknown; currency_code: string }[] | undefined)?.find(
      (p) => p.currency_code === price.currency_code,
    )
    if (!current || !MathBN.eq(MathBN.convert(current.amount as string), MathBN.convert(price.amount))) {
      plan.prices.push({ id: variant.id as string, prices: [price] })
    }
  }
  return plan
}

/** The store's default sales channel and the default shipping profile, when they exist. */
async function defaultStoreTargets(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({ entity: "store", fields: ["default_sales_channel_id"] })
  const { data: profiles } = await query.graph({
    entity: "shipping_profile",
    fields: ["id", "type"],
  })
  const profile = profiles.find((p) => p.type === "default") ?? profiles[0]
  return {
    sales_channel_id: (stores[0]?.default_sales_channel_id as string | null) ?? null,
    shipping_profile_id: (profile?.id as string | undefined) ?? null,
  }
}
