import Link from "next/link"
import { ApiErrorNotice } from "../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { getClassifier, listCatalogItems, pathTo, type ClassifierNode } from "@lib/data/offers"
import { amount } from "@lib/format"
import { getLang, tj } from "@lib/i18n"

const PAGE = 24

/**
 * The catalog by UNSPSC category (GET /store/catalog/classifier): the
 * segments at the top, then the families, classes and commodities under
 * the chosen node with how many items each holds, and the items under it
 * (GET /store/catalog/items?unspsc=), each linking to its item page.
 * Shared by /catalogo (no code) and /catalogo/[code].
 */
export async function CategoryView({ code, page }: { code: string | null; page: number }) {
  const m = tj()
  const lang = getLang()
  const account = await requireAccount(code ? `/catalogo/${code}` : "/catalogo")
  const heading = <h1 id="catalogo">{m.catalog.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="catalogo">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).browse) {
    return (
      <section aria-labelledby="catalogo">
        {heading}
        <ApiErrorNotice code="SIN_ACCESO_AL_CATALOGO" message={m.catalog.notBuyer} testId="catalog-denied" />
      </section>
    )
  }
  const tree = await getClassifier(account.session)
  if (!tree.ok) {
    return (
      <section aria-labelledby="catalogo">
        {heading}
        <ApiErrorNotice {...tree.error} testId="catalog-error" />
      </section>
    )
  }
  const title = (n: ClassifierNode) => (lang === "en" && n.title_en ? n.title_en : n.title_es)
  const path = code ? pathTo(tree.data.classifier, code) : []
  if (code && path.length === 0) {
    return (
      <section aria-labelledby="catalogo">
        {heading}
        <p className="notice" data-testid="catalog-unknown">
          {m.catalog.unknown}
        </p>
        <p>
          <Link href="/catalogo">{m.catalog.all}</Link>
        </p>
      </section>
    )
  }
  const node = path[path.length - 1] ?? null
  const children = node ? node.children : tree.data.classifier
  const offset = Math.max(0, (page - 1) * PAGE)
  const items = node ? await listCatalogItems(account.session, node.code, offset, PAGE) : null
  return (
    <section aria-labelledby="catalogo">
      <nav aria-label="Ruta de la categoría" className="breadcrumbs" data-testid="catalog-breadcrumbs">
        <ol>
          <li>{node ? <Link href="/catalogo">{m.catalog.all}</Link> : <span aria-current="page">{m.catalog.all}</span>}</li>
          {path.map((n, i) => (
            <li key={n.code}>
              {i === path.length - 1 ? <span aria-current="page">{title(n)}</span> : <Link href={`/catalogo/${n.code}`}>{title(n)}</Link>}
            </li>
          ))}
        </ol>
      </nav>
      <h1 id="catalogo" data-testid="catalog-heading">
        {node ? title(node) : m.catalog.title}
      </h1>
      {node ? (
        <p className="muted">
          {m.catalog.levels[node.level] ?? node.level} {node.code} · {m.catalog.items(node.count)}
        </p>
      ) : (
        <p className="muted">{m.catalog.intro}</p>
      )}
      {!node && children.length === 0 ? (
        <p className="notice" data-testid="catalog-empty">
          {m.catalog.empty}
        </p>
      ) : null}
      {children.length > 0 ? (
        <ul className="category-grid" data-testid="categories">
          {children.map((c) => (
            <li key={c.code} className="card" data-testid="category" data-code={c.code}>
              <Link href={`/catalogo/${c.code}`} data-testid="category-link">
                {title(c)}
              </Link>
              <span className="muted">
                {m.catalog.levels[c.level] ?? c.level} {c.code} · {m.catalog.items(c.count)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {items ? (
        <section aria-labelledby="articulos">
          <h2 id="articulos">{m.catalog.itemsHeading}</h2>
          {!items.ok ? (
            <ApiErrorNotice {...items.error} testId="catalog-items-error" />
          ) : items.data.items.length === 0 ? (
            <p className="notice" data-testid="catalog-items-empty">
              {m.catalog.noItems}
            </p>
          ) : (
            <>
              <ul className="list" data-testid="catalog-items">
                {items.data.items.map((i) => (
                  <li key={i.id} className="card" data-testid="catalog-item">
                    <Link href={`/articulos/${encodeURIComponent(i.id)}`} data-testid="catalog-item-link">
                      {i.name}
                    </Link>
                    <span className="muted">
                      {i.code} · UNSPSC {i.unspsc_code} · {m.catalog.ceiling}: {amount(i.ceiling_price)}
                    </span>
                  </li>
                ))}
              </ul>
              {items.data.count > PAGE ? (
                <nav className="pagination" aria-label={m.catalog.page(offset + 1, offset + items.data.items.length, items.data.count)}>
                  {page > 1 ? (
                    <Link className="button" href={`/catalogo/${node!.code}?pagina=${page - 1}`}>
                      {m.catalog.prev}
                    </Link>
                  ) : null}
                  <span>{m.catalog.page(offset + 1, offset + items.data.items.length, items.data.count)}</span>
                  {offset + PAGE < items.data.count ? (
                    <Link className="button" href={`/catalogo/${node!.code}?pagina=${page + 1}`}>
                      {m.catalog.next}
                    </Link>
                  ) : null}
                </nav>
              ) : null}
            </>
          )}
        </section>
      ) : null}
    </section>
  )
}
