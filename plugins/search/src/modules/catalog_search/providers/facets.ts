import { priceBucketLabel } from "../documents"
import type { FacetValue, SearchFacets } from "../types"

export type FacetRow = { facet: keyof SearchFacets; value: string; label: string | null; n: number }

const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label)

export const emptyFacets = (): SearchFacets => ({
  segment: [],
  family: [],
  class: [],
  contract: [],
  supplier: [],
  sme: [],
  zone: [],
  price: [],
})

/** Facet rows (facet, value, label, count) → facets, most frequent first; price buckets in order. */
export function facetsFromRows(rows: FacetRow[]): SearchFacets {
  const out = emptyFacets()
  for (const r of rows) {
    if (r.facet === "price") {
      const { value, label } = priceBucketLabel(Number(r.value))
      out.price.push({ value, label, count: r.n })
    } else if (r.facet === "sme") {
      out.sme.push({ value: r.value, label: r.value === "true" ? "MIPYME" : "No MIPYME", count: r.n })
    } else {
      out[r.facet].push({ value: r.value, label: r.label ?? r.value, count: r.n })
    }
  }
  for (const key of Object.keys(out) as (keyof SearchFacets)[]) {
    if (key === "price") {
      out.price.sort((a, b) => parseFloat(a.value) - parseFloat(b.value))
    } else {
      out[key].sort(byCount)
    }
  }
  return out
}
