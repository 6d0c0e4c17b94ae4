/**
 * The catalog search page keeps its whole state in the URL query string
 * (shareable links, the back button works). Filter names are the API's
 * (`q`, `segment`, `family`, `class`, `contract`, `supplier`, `zone`, `sme`,
 * `price_min`, `price_max`, `sort`); the page number is `pagina`.
 * Shared by server and client components (no server-only imports).
 */

export const SEARCH_PATH = "/buscar"
export const PAGE_SIZE = 20

export const LIST_FILTERS = ["segment", "family", "class", "contract", "supplier", "zone"] as const
export type ListFilter = (typeof LIST_FILTERS)[number]

export const SORTS = ["relevance", "price_asc", "price_desc", "delivery"] as const
export type Sort = (typeof SORTS)[number]

export const SORT_LABELS: Record<Sort, string> = {
  relevance: "Relevancia",
  price_asc: "Precio: menor a mayor",
  price_desc: "Precio: mayor a menor",
  delivery: "Entrega más rápida",
}

export type SearchState = {
  q: string
  segment: string[]
  family: string[]
  class: string[]
  contract: string[]
  supplier: string[]
  zone: string[]
  sme: "true" | "false" | null
  /** Pesos as typed (decimal strings; the API validates them). */
  price_min: string
  price_max: string
  sort: Sort
  page: number
}

type RawParams = Record<string, string | string[] | undefined>

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim()

/** Repeated or comma-separated values, without blanks or repeats. */
const many = (v: string | string[] | undefined): string[] => {
  const all = (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((s) => s.split(","))
  return [...new Set(all.map((s) => s.trim()).filter(Boolean))]
}

export function parseSearchState(params: RawParams | URLSearchParams): SearchState {
  const raw: RawParams =
    params instanceof URLSearchParams ? Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])) : params
  const sort = one(raw.sort)
  const sme = one(raw.sme)
  const page = Number(one(raw.pagina))
  return {
    q: one(raw.q).slice(0, 200),
    segment: many(raw.segment),
    family: many(raw.family),
    class: many(raw.class),
    contract: many(raw.contract),
    supplier: many(raw.supplier),
    zone: many(raw.zone),
    sme: sme === "true" || sme === "false" ? sme : null,
    price_min: one(raw.price_min),
    price_max: one(raw.price_max),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "relevance",
    page: Number.isInteger(page) && page > 1 ? Math.min(page, 500) : 1,
  }
}

function filterParams(s: SearchState): URLSearchParams {
  const p = new URLSearchParams()
  if (s.q) {
    p.set("q", s.q)
  }
  for (const key of LIST_FILTERS) {
    for (const v of s[key]) {
      p.append(key, v)
    }
  }
  if (s.sme) {
    p.set("sme", s.sme)
  }
  if (s.price_min) {
    p.set("price_min", s.price_min)
  }
  if (s.price_max) {
    p.set("price_max", s.price_max)
  }
  return p
}

/** The storefront URL of a state. */
export function searchHref(s: SearchState): string {
  const p = filterParams(s)
  if (s.sort !== "relevance") {
    p.set("sort", s.sort)
  }
  if (s.page > 1) {
    p.set("pagina", String(s.page))
  }
  const qs = p.toString()
  return qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH
}

/** Query string for GET /store/catalog/search. */
export function apiQuery(s: SearchState, limit = PAGE_SIZE): string {
  const p = filterParams(s)
  p.set("sort", s.sort)
  p.set("limit", String(limit))
  p.set("offset", String((s.page - 1) * limit))
  return p.toString()
}

/** A new state from a change; any change but paging goes back to page 1. */
export function withChange(s: SearchState, change: Partial<SearchState>): SearchState {
  return { ...s, page: 1, ...change }
}

/** Adds or removes one value of a list filter. */
export function toggleValue(s: SearchState, key: ListFilter, value: string): SearchState {
  const list = s[key].includes(value) ? s[key].filter((v) => v !== value) : [...s[key], value]
  return withChange(s, { [key]: list })
}

export function hasFilters(s: SearchState): boolean {
  return LIST_FILTERS.some((k) => s[k].length > 0) || s.sme !== null || s.price_min !== "" || s.price_max !== ""
}

export function clearFilters(s: SearchState): SearchState {
  return withChange(s, {
    segment: [],
    family: [],
    class: [],
    contract: [],
    supplier: [],
    zone: [],
    sme: null,
    price_min: "",
    price_max: "",
  })
}

/**
 * The API's price facet value ("50-100", "5000-") as bounds in pesos. The
 * bucket's upper edge is exclusive, so the maximum is one centavo below it
 * (integer pesos: string arithmetic on whole numbers only).
 */
export function priceBucketBounds(value: string): { price_min: string; price_max: string } | null {
  const m = /^(\d+)-(\d+)?$/.exec(value)
  if (!m) {
    return null
  }
  const to = m[2] ? Number(m[2]) : null
  return { price_min: m[1] === "0" ? "" : m[1], price_max: to === null ? "" : `${to - 1}.99` }
}

/** SAT c_Estado codes → state names (delivery zones and the buyer's state). */
export const STATES: Record<string, string> = {
  AGU: "Aguascalientes",
  BCN: "Baja California",
  BCS: "Baja California Sur",
  CAM: "Campeche",
  CHP: "Chiapas",
  CHH: "Chihuahua",
  COA: "Coahuila",
  COL: "Colima",
  CMX: "Ciudad de México",
  DUR: "Durango",
  GUA: "Guanajuato",
  GRO: "Guerrero",
  HID: "Hidalgo",
  JAL: "Jalisco",
  MEX: "Estado de México",
  MIC: "Michoacán",
  MOR: "Morelos",
  NAY: "Nayarit",
  NLE: "Nuevo León",
  OAX: "Oaxaca",
  PUE: "Puebla",
  QUE: "Querétaro",
  ROO: "Quintana Roo",
  SLP: "San Luis Potosí",
  SIN: "Sinaloa",
  SON: "Sonora",
  TAB: "Tabasco",
  TAM: "Tamaulipas",
  TLA: "Tlaxcala",
  VER: "Veracruz",
  YUC: "Yucatán",
  ZAC: "Zacatecas",
}

export function stateName(code: string | null | undefined): string | null {
  return code ? (STATES[code] ?? code) : null
}
