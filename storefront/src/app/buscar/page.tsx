import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { ApiErrorNotice } from "../../components/api-error"
import { SearchBox } from "../../components/search-box"
import { searchCatalog, type FacetValue, type SearchItem, type SearchResponse } from "@lib/data/search"
import { facetCount, priceRange } from "@lib/format"
import {
  clearFilters,
  hasFilters,
  LIST_FILTERS,
  PAGE_SIZE,
  parseSearchState,
  priceBucketBounds,
  searchHref,
  SORTS,
  stateName,
  toggleValue,
  withChange,
  type ListFilter,
  type SearchState,
  type Sort,
} from "@lib/search-params"
import { getSession } from "@lib/session"
import { FiltersPanel, SortSelect } from "./controls"

export const metadata: Metadata = { title: "Buscar en el catálogo — Tienda Digital" }
export const dynamic = "force-dynamic"

const FACET_TITLES: Record<ListFilter, string> = {
  segment: "Segmento UNSPSC",
  family: "Familia UNSPSC",
  class: "Clase UNSPSC",
  contract: "Contrato marco",
  supplier: "Proveedor",
  zone: "Entrega en el estado",
}

/** Facet values shown before "Ver más". */
const SHOWN = 6

export default async function SearchPage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const state = parseSearchState(searchParams)
  const here = searchHref(state)
  const login = `/ingresar?siguiente=${encodeURIComponent(here)}`
  const session = getSession()
  if (!session) {
    redirect(login)
  }
  const heading = (
    <>
      <h1 id="buscar">Buscar en el catálogo</h1>
      <SearchBox initial={state.q} suggest={session.actor === "customer"} />
    </>
  )
  if (session.actor !== "customer") {
    return (
      <section aria-labelledby="buscar" className="search-page">
        {heading}
        <ApiErrorNotice
          code="SOLO_DEPENDENCIAS"
          message="La búsqueda del catálogo es para el personal de dependencias y entidades. Cierra sesión y entra con una cuenta de dependencia."
        />
      </section>
    )
  }
  const res = await searchCatalog(session, state)
  if (!res.ok && res.error.status === 401) {
    redirect(`${login}&motivo=sesion`)
  }
  return (
    <section aria-labelledby="buscar" className="search-page">
      {heading}
      {res.ok ? (
        <Results state={state} data={res.data} />
      ) : (
        <>
          <ApiErrorNotice code={res.error.code} message={res.error.message} testId="search-error" />
          {hasFilters(state) ? (
            <p>
              <Link href={searchHref(clearFilters(state))}>Buscar sin filtros</Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}

function Results({ state, data }: { state: SearchState; data: SearchResponse }) {
  const pages = Math.max(1, Math.ceil(data.count / PAGE_SIZE))
  const buyerState = stateName(data.buyer_state)
  const applied = LIST_FILTERS.reduce((n, k) => n + state[k].length, 0) + (state.sme ? 1 : 0) + (state.price_min || state.price_max ? 1 : 0)
  const sortHrefs = Object.fromEntries(SORTS.map((s) => [s, searchHref(withChange(state, { sort: s }))])) as Record<Sort, string>
  return (
    <>
      {data.query.corrected ? (
        <p className="notice" role="status" data-testid="search-corrected">
          Mostrando resultados para <strong data-testid="search-corrected-query">«{data.query.corrected}»</strong>. No encontramos «
          {data.query.q}» tal como lo escribiste.
        </p>
      ) : null}
      <div className="search-layout">
        <FiltersPanel active={applied}>
          <Facets state={state} data={data} />
        </FiltersPanel>
        <div className="search-results">
          <div className="results-bar">
            <p className="results-count" data-testid="search-count" data-count={data.count}>
              {data.count === 1 ? "1 artículo" : `${data.count.toLocaleString("es-MX")} artículos`}
              {state.q ? ` para «${data.query.corrected ?? state.q}»` : ""}
              {buyerState ? <span className="muted"> · entrega a {buyerState}</span> : null}
            </p>
            <SortSelect value={state.sort} hrefs={sortHrefs} />
          </div>
          {hasFilters(state) ? <AppliedFilters state={state} data={data} /> : null}
          {data.items.length ? (
            <>
              <ol className="results" data-testid="search-results" start={(state.page - 1) * PAGE_SIZE + 1}>
                {data.items.map((item) => (
                  <Result key={item.id} item={item} buyerState={buyerState} back={searchHref(state)} />
                ))}
              </ol>
              <Pagination state={state} pages={pages} />
            </>
          ) : (
            <Empty state={state} data={data} pages={pages} />
          )}
        </div>
      </div>
    </>
  )
}

function Result({ item, buyerState, back }: { item: SearchItem; buyerState: string | null; back: string }) {
  const suppliers = [...new Set(item.offers.map((o) => o.supplier_name))]
  const offers = item.offers.length
  return (
    <li className="result" data-testid="search-result" data-min-price={item.min_price ?? ""}>
      <div className="result-head">
        <h2 className="result-name" data-testid="result-name">
          <Link
            href={`/articulos/${encodeURIComponent(item.id)}?volver=${encodeURIComponent(back)}`}
            prefetch={false}
            data-testid="result-link"
          >
            {item.name}
          </Link>
        </h2>
        {item.sme ? (
          <span className="badge" title="Al menos una oferta de una micro, pequeña o mediana empresa" data-testid="result-sme">
            MIPYME
          </span>
        ) : null}
      </div>
      <p className="result-price" data-testid="result-price">
        {priceRange(item.min_price, item.max_price)}
      </p>
      <dl className="result-facts">
        <div>
          <dt>Clase UNSPSC</dt>
          <dd data-testid="result-class">
            {item.unspsc.class.title} ({item.unspsc.class.code})
          </dd>
        </div>
        <div>
          <dt>Artículo</dt>
          <dd>
            {item.unspsc.title} ({item.unspsc.code}) · clave {item.code}
          </dd>
        </div>
        <div>
          <dt>Contrato marco</dt>
          <dd data-testid="result-contract">
            {item.contract.number} — {item.contract.title}
          </dd>
        </div>
        <div>
          <dt>Ofertas que puedes comprar</dt>
          <dd data-testid="result-offers">
            {offers === 1 ? "1 oferta" : `${offers} ofertas`} de{" "}
            {suppliers.length === 1 ? "1 proveedor" : `${suppliers.length} proveedores`}: {suppliers.slice(0, 3).join(", ")}
            {suppliers.length > 3 ? ` y ${suppliers.length - 3} más` : ""}
          </dd>
        </div>
        <div>
          <dt>Entrega</dt>
          <dd data-testid="result-delivery">
            {item.delivery_days === null
              ? buyerState
                ? `Ninguna oferta entrega en ${buyerState}`
                : "Tu unidad no tiene estado de entrega registrado"
              : `${item.delivery_days === 1 ? "1 día" : `${item.delivery_days} días`}${buyerState ? ` a ${buyerState}` : ""}`}
          </dd>
        </div>
      </dl>
    </li>
  )
}

/** A facet value as a link that applies or removes it (the URL is the state). */
function FacetLink({
  href,
  label,
  count,
  approximate,
  selected,
  testId,
}: {
  href: string
  label: string
  count: number
  /** An estimate (docs/search.md): said so, never shown as an exact number. */
  approximate: boolean
  selected: boolean
  testId: string
}) {
  return (
    <Link href={href} prefetch={false} className="facet" data-selected={selected || undefined} data-testid={testId} scroll={false}>
      <span className="facet-box" aria-hidden="true">
        {selected ? "✓" : ""}
      </span>
      <span className="facet-label">
        {selected ? <span className="visually-hidden">Quitar filtro: </span> : null}
        {label}
      </span>
      <span className="facet-count" data-testid={`${testId}-count`} data-approximate={approximate || undefined}>
        {facetCount(count, approximate)}
      </span>
    </Link>
  )
}

function FacetGroup({ title, name, children }: { title: string; name: string; children: React.ReactNode[] }) {
  if (!children.length) {
    return null
  }
  return (
    <section className="facet-group" aria-label={title} data-testid={`facet-${name}`}>
      <h2>{title}</h2>
      <ul>{children.slice(0, SHOWN)}</ul>
      {children.length > SHOWN ? (
        <details>
          <summary>Ver {children.length - SHOWN} más</summary>
          <ul>{children.slice(SHOWN)}</ul>
        </details>
      ) : null}
    </section>
  )
}

function Facets({ state, data }: { state: SearchState; data: SearchResponse }) {
  const approximate = data.facets_approximate === true
  const valueLabel = (key: ListFilter, v: FacetValue) => (key === "zone" ? (stateName(v.value) ?? v.label) : v.label)
  const listGroup = (key: ListFilter) => {
    const values = data.facets[key] ?? []
    // applied values stay visible (and removable) even when nothing matches them now
    const missing = state[key].filter((v) => !values.some((f) => f.value === v)).map((v) => ({ value: v, label: v, count: 0 }))
    const ordered = [
      ...values.filter((f) => state[key].includes(f.value)),
      ...missing,
      ...values.filter((f) => !state[key].includes(f.value)),
    ]
    return (
      <FacetGroup key={key} title={FACET_TITLES[key]} name={key}>
        {ordered.map((f) => (
          <li key={f.value}>
            <FacetLink
              href={searchHref(toggleValue(state, key, f.value))}
              label={valueLabel(key, f)}
              count={f.count}
              approximate={approximate}
              selected={state[key].includes(f.value)}
              testId={`facet-${key}-${f.value}`}
            />
          </li>
        ))}
      </FacetGroup>
    )
  }
  const sme = data.facets.sme ?? []
  const price = data.facets.price ?? []
  return (
    <div className="facets">
      {approximate ? (
        <p className="muted facets-note" data-testid="facets-approximate">
          Hay muchos resultados: los conteos de los filtros son aproximados (aprox.).
        </p>
      ) : null}
      {(["segment", "family", "class"] as const).map(listGroup)}
      <FacetGroup title="MIPYME" name="sme">
        {sme.map((f) => (
          <li key={f.value}>
            <FacetLink
              href={searchHref(withChange(state, { sme: state.sme === f.value ? null : (f.value as "true" | "false") }))}
              label={f.value === "true" ? "Con oferta MIPYME" : "Sin oferta MIPYME"}
              count={f.count}
              approximate={approximate}
              selected={state.sme === f.value}
              testId={`facet-sme-${f.value}`}
            />
          </li>
        ))}
      </FacetGroup>
      {(["contract", "supplier", "zone"] as const).map(listGroup)}
      <section className="facet-group" aria-label="Precio" data-testid="facet-price">
        <h2>Precio (oferta más barata)</h2>
        <ul>
          {price.map((f) => {
            const bounds = priceBucketBounds(f.value)
            if (!bounds) {
              return null
            }
            const selected = state.price_min === bounds.price_min && state.price_max === bounds.price_max
            return (
              <li key={f.value}>
                <FacetLink
                  href={searchHref(withChange(state, selected ? { price_min: "", price_max: "" } : bounds))}
                  label={f.label}
                  count={f.count}
                  approximate={approximate}
                  selected={selected}
                  testId={`facet-price-${f.value}`}
                />
              </li>
            )
          })}
        </ul>
        <PriceForm state={state} />
      </section>
    </div>
  )
}

/** Own price range: a GET form carrying every other parameter of the search. */
function PriceForm({ state }: { state: SearchState }) {
  const rest = new URLSearchParams(searchHref(withChange(state, { price_min: "", price_max: "" })).split("?")[1] ?? "")
  return (
    <form action="/buscar" method="get" className="price-form" data-testid="price-form">
      {[...rest.entries()].map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <label className="field">
        <span>Mínimo (MXN)</span>
        <input name="price_min" inputMode="decimal" defaultValue={state.price_min} placeholder="0" data-testid="price-min" />
      </label>
      <label className="field">
        <span>Máximo (MXN)</span>
        <input name="price_max" inputMode="decimal" defaultValue={state.price_max} placeholder="Sin límite" data-testid="price-max" />
      </label>
      <button type="submit" className="button">
        Aplicar precio
      </button>
    </form>
  )
}

function AppliedFilters({ state, data }: { state: SearchState; data: SearchResponse }) {
  const labelOf = (key: ListFilter, v: string) =>
    key === "zone" ? (stateName(v) ?? v) : (data.facets[key]?.find((f) => f.value === v)?.label ?? v)
  const chips: { key: string; label: string; href: string }[] = []
  for (const key of LIST_FILTERS) {
    for (const v of state[key]) {
      chips.push({ key: `${key}-${v}`, label: `${FACET_TITLES[key]}: ${labelOf(key, v)}`, href: searchHref(toggleValue(state, key, v)) })
    }
  }
  if (state.sme) {
    chips.push({
      key: "sme",
      label: state.sme === "true" ? "Con oferta MIPYME" : "Sin oferta MIPYME",
      href: searchHref(withChange(state, { sme: null })),
    })
  }
  if (state.price_min || state.price_max) {
    const label = [state.price_min ? `desde $${state.price_min}` : "", state.price_max ? `hasta $${state.price_max}` : ""]
      .filter(Boolean)
      .join(" ")
    chips.push({ key: "price", label: `Precio ${label}`, href: searchHref(withChange(state, { price_min: "", price_max: "" })) })
  }
  return (
    <ul className="chips" aria-label="Filtros aplicados" data-testid="applied-filters">
      {chips.map((c) => (
        <li key={c.key}>
          <Link href={c.href} prefetch={false} className="chip" scroll={false}>
            {c.label} <span aria-hidden="true">×</span>
            <span className="visually-hidden"> (quitar)</span>
          </Link>
        </li>
      ))}
      <li>
        <Link href={searchHref(clearFilters(state))} prefetch={false} className="chip clear" data-testid="clear-filters">
          Quitar todos los filtros
        </Link>
      </li>
    </ul>
  )
}

function Pagination({ state, pages }: { state: SearchState; pages: number }) {
  if (pages <= 1) {
    return null
  }
  return (
    <nav className="pagination" aria-label="Páginas de resultados" data-testid="pagination">
      {state.page > 1 ? (
        <Link href={searchHref({ ...state, page: state.page - 1 })} prefetch={false} rel="prev" className="button" data-testid="page-prev">
          ← Anterior
        </Link>
      ) : (
        <span />
      )}
      <span data-testid="page-status">
        Página {state.page} de {pages}
      </span>
      {state.page < pages ? (
        <Link href={searchHref({ ...state, page: state.page + 1 })} prefetch={false} rel="next" className="button" data-testid="page-next">
          Siguiente →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}

function Empty({ state, data, pages }: { state: SearchState; data: SearchResponse; pages: number }) {
  if (data.count > 0) {
    return (
      <div className="notice" data-testid="search-empty">
        <p>Esta página ya no tiene resultados: la búsqueda tiene {pages === 1 ? "1 página" : `${pages} páginas`}.</p>
        <p>
          <Link href={searchHref({ ...state, page: 1 })}>Ir a la primera página</Link>
        </p>
      </div>
    )
  }
  if (!state.q && !hasFilters(state)) {
    return (
      <div className="notice" data-testid="search-empty">
        <p>
          Por ahora no hay artículos que tus unidades puedan comprar: ninguna está inscrita en un contrato marco vigente con ofertas
          disponibles. Consulta con tu área de compras o con la SHCP.
        </p>
      </div>
    )
  }
  return (
    <div className="notice" data-testid="search-empty">
      <p>
        <strong>
          No encontramos artículos{state.q ? ` para «${state.q}»` : ""}
          {hasFilters(state) ? " con los filtros aplicados" : ""}.
        </strong>
      </p>
      <ul>
        <li>Revisa la ortografía o usa una palabra más general, por ejemplo «papel» en lugar de «papel bond carta 75 g».</li>
        {hasFilters(state) ? (
          <li>
            <Link href={searchHref(clearFilters(state))}>Quita los filtros</Link> para ver más resultados.
          </li>
        ) : null}
        <li>
          Solo aparecen artículos de contratos marco vigentes en los que está inscrita alguna de tus unidades y con al menos una oferta que
          puedes comprar hoy.
        </li>
      </ul>
      {state.q ? (
        <p>
          <Link href="/buscar">Ver todo el catálogo disponible</Link>
        </p>
      ) : null}
    </div>
  )
}
