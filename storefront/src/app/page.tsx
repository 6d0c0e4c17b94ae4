import { listCatalog } from "@lib/data/catalog"

export const dynamic = "force-dynamic"

export default async function Home() {
  const page = await listCatalog()
  return (
    <section aria-labelledby="catalogo">
      <h1 id="catalogo">Catálogo de contratos marco</h1>
      {!page.ok ? (
        <p role="alert" data-testid="catalog-error">
          No fue posible consultar el catálogo
          {page.status ? ` (error ${page.status})` : ""}. Intenta de nuevo en unos minutos.
        </p>
      ) : page.items.length === 0 ? (
        <p data-testid="catalog-empty">
          Aún no hay artículos publicados. Cuando la SHCP publique un contrato marco, sus
          artículos aparecerán aquí.
        </p>
      ) : (
        <>
          <p data-testid="catalog-count">{page.count} ofertas disponibles</p>
          <ul className="grid" data-testid="catalog-grid">
            {page.items.map((p) => (
              <li key={p.id} className="card">
                <strong>{p.title}</strong>
                {p.subtitle ? <span className="supplier">{p.subtitle}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
