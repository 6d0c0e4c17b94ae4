import type { SearchDocumentInput, SearchHit, SearchOfferDoc } from "./types"

/** Lower case without diacritics (what PostgreSQL's unaccent does for Spanish). */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
}

/** Query or document words: letters and digits, at least 2 characters. */
export function words(text: string): string[] {
  return normalize(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2)
}

/** Exact centavos from a decimal string ("58.5" → 5850). */
export function toCents(value: string | number): number {
  const [int, frac = ""] = String(value).trim().split(".")
  return Number(int) * 100 + Number((frac + "00").slice(0, 2))
}

export const offerKey = (contractId: string, supplierId: string) => `${contractId}:${supplierId}`

/** Denormalized fields both providers filter, sort and facet on. */
export function derive(doc: SearchDocumentInput) {
  const cents = doc.offers.map((o) => o.price_cents)
  const delivery: Record<string, number> = {}
  for (const o of doc.offers) {
    for (const [state, days] of Object.entries(o.delivery_days)) {
      delivery[state] = Math.min(delivery[state] ?? Infinity, days)
    }
  }
  return {
    offer_keys: doc.offers.map((o) => offerKey(doc.contract_id, o.supplier_id)),
    supplier_ids: [...new Set(doc.offers.map((o) => o.supplier_id))],
    sme_supplier_ids: [...new Set(doc.offers.filter((o) => o.sme).map((o) => o.supplier_id))],
    zones: Object.keys(delivery).sort(),
    min_cents: cents.length ? Math.min(...cents) : null,
    max_cents: cents.length ? Math.max(...cents) : null,
    delivery,
    search_text: normalize(
      [doc.name, doc.commodity_title, doc.class_title, doc.family_title, doc.code, doc.unspsc_code, doc.cog_partida].join(" "),
    ),
    vocabulary: [...new Set(words([doc.name, doc.commodity_title, doc.class_title, doc.family_title, doc.segment_title].join(" ")))],
  }
}

/**
 * What a buyer sees of a document: only the offers eligible now, cheapest
 * first, with the delivery days to the buyer's state. Shared by both
 * providers so a sanction hides a supplier even before the reindex.
 */
export function toHit(doc: SearchDocumentInput, allowed: Set<string>, stateCode: string | null): SearchHit {
  const offers = doc.offers
    .filter((o) => allowed.has(offerKey(doc.contract_id, o.supplier_id)))
    .sort((a, b) => a.price_cents - b.price_cents || a.supplier_name.localeCompare(b.supplier_name))
  const days = stateCode ? offers.map((o) => o.delivery_days[stateCode]).filter((d): d is number => typeof d === "number") : []
  return {
    id: doc.id,
    code: doc.code,
    name: doc.name,
    description: doc.description,
    unspsc: {
      code: doc.unspsc_code,
      title: doc.commodity_title,
      segment: { code: doc.segment_code, title: doc.segment_title },
      family: { code: doc.family_code, title: doc.family_title },
      class: { code: doc.class_code, title: doc.class_title },
    },
    cog_partida: doc.cog_partida,
    cog_partida_title: doc.cog_partida_title,
    sat_clave_unidad: doc.sat_clave_unidad,
    ceiling_price: doc.ceiling_price,
    contract: { id: doc.contract_id, number: doc.contract_number, title: doc.contract_title },
    lot: { id: doc.lot_id, number: doc.lot_number, title: doc.lot_title },
    min_price: offers[0]?.price ?? null,
    max_price: offers.length ? offers[offers.length - 1].price : null,
    currency_code: "mxn",
    sme: offers.some((o) => o.sme),
    delivery_days: days.length ? Math.min(...days) : null,
    offers: offers.map((o: SearchOfferDoc) => o),
  }
}

/** Price-range facet buckets, in pesos (the last is open-ended). */
export const PRICE_EDGES = [0, 50, 100, 250, 500, 1000, 5000]

export function priceBucketLabel(i: number): { value: string; label: string } {
  const from = PRICE_EDGES[i]
  const to = PRICE_EDGES[i + 1]
  const fmt = (n: number) => `$${n.toLocaleString("es-MX")}`
  return to === undefined
    ? { value: `${from}-`, label: `${fmt(from)} o más` }
    : { value: `${from}-${to}`, label: i === 0 ? `Menos de ${fmt(to)}` : `${fmt(from)} a ${fmt(to)}` }
}

export function priceBucketOf(cents: number): number {
  let i = 0
  while (i + 1 < PRICE_EDGES.length && cents >= PRICE_EDGES[i + 1] * 100) {
    i++
  }
  return i
}
