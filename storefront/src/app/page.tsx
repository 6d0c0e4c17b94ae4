import { SearchBox } from "../components/search-box"
import { listCatalog } from "@lib/data/catalog"
import { pesos } from "@lib/format"
import { t } from "@lib/i18n"
import { getSession } from "@lib/session"

export const dynamic = "force-dynamic"

export default async function Home() {
  const page = await listCatalog()
  const session = getSession()
  const m = t()
  return (
    <section aria-labelledby="catalogo">
      <h1 id="catalogo">Catálogo de contratos marco</h1>
      <div className="home-search" data-testid="home-search">
        <h2>Busca lo que tu unidad puede comprar</h2>
        <p className="muted">
          Por nombre, categoría o clave UNSPSC; filtra por contrato, proveedor, MIPYME, precio y entrega a tu estado.
          {session?.actor === "customer" ? "" : " Necesitas iniciar sesión con tu cuenta de dependencia."}
        </p>
        <SearchBox suggest={session?.actor === "customer"} large />
      </div>
      {!page.ok ? (
        <p role="alert" data-testid="catalog-error">
          No fue posible consultar el catálogo
          {page.status ? ` (error ${page.status})` : ""}. Intenta de nuevo en unos minutos.
        </p>
      ) : page.items.length === 0 ? (
        <p data-testid="catalog-empty">
          Aún no hay artículos publicados. Cuando la SHCP publique un contrato marco, sus artículos aparecerán aquí.
        </p>
      ) : (
        <>
          <p data-testid="catalog-count">{page.count} ofertas disponibles</p>
          <ul className="grid" data-testid="catalog-grid">
            {page.items.map((p) => (
              <li key={p.id} className="card" data-testid="catalog-card">
                <h3 className="card-title">
                  {p.item_id ? (
                    <a href={`/articulos/${encodeURIComponent(p.item_id)}`} data-testid="catalog-card-link">
                      {p.title}
                    </a>
                  ) : (
                    p.title
                  )}
                </h3>
                {p.subtitle ? <span className="supplier">{p.subtitle}</span> : null}
                {p.price_with_iva ? (
                  <p className="result-price" data-testid="catalog-card-price" data-amount={p.price_with_iva}>
                    {m.home.from} {pesos(p.price_with_iva)} <span className="muted">{m.common.withIva}</span>
                  </p>
                ) : (
                  <p className="muted">{m.home.noPrice}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
