import type { Metadata, Viewport } from "next"
import { setLanguage } from "@lib/actions/language"
import { logout } from "@lib/actions/session"
import { capabilities, currentProfile } from "@lib/data/me"
import { getCart } from "@lib/data/purchasing"
import { t, tj } from "@lib/i18n"
import { getSession } from "@lib/session"
import "./globals.css"

export const metadata: Metadata = {
  title: "Tienda Digital — Contratos Marco",
  description: "Compras de bienes de uso común de la Administración Pública Federal mediante contratos marco.",
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 }

/** Units in the buyer's open cart (for the menu); 0 when there is none or it cannot be read. */
async function cartUnits(): Promise<number> {
  const session = getSession()
  if (!session) {
    return 0
  }
  const cart = await getCart(session)
  return cart.ok && cart.data ? cart.data.items.length : 0
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = getSession()
  const m = t()
  const mj = tj()
  const profile = session ? await currentProfile() : null
  const can = capabilities(profile)
  const inCart = can.buy ? await cartUnits() : 0
  return (
    <html lang={m.lang.html}>
      <body>
        <a href="#contenido" className="skip-link">
          {m.lang.html === "en" ? "Skip to content" : "Saltar al contenido"}
        </a>
        <header className="site-header">
          <a href="/" className="brand" data-testid="brand">
            Tienda Digital
          </a>
          <span className="tagline">Contratos marco del Gobierno de México</span>
          <nav className="site-nav" aria-label={m.nav.label}>
            {!profile || can.browse ? (
              <a href="/buscar" data-testid="nav-search">
                {m.nav.search}
              </a>
            ) : null}
            {can.buy ? (
              <>
                <a href="/carrito" data-testid="nav-cart">
                  {m.nav.cart}{" "}
                  <span className="nav-count" aria-hidden="true" data-testid="nav-cart-count">
                    {inCart}
                  </span>
                  <span className="visually-hidden"> ({m.nav.cartCount(inCart)})</span>
                </a>
                <a href="/requisiciones" data-testid="nav-requisitions">
                  {m.nav.requisitions}
                </a>
                <a href="/catalogo" data-testid="nav-catalog">
                  {mj.nav.catalog}
                </a>
              </>
            ) : null}
            {can.approve ? (
              <>
                <a href="/aprobaciones" data-testid="nav-approvals">
                  {m.nav.approvals}
                </a>
                <a href="/delegaciones" data-testid="nav-delegations">
                  {mj.nav.delegations}
                </a>
              </>
            ) : null}
            {can.orders ? (
              <>
                <a href="/proveedor/pedidos" data-testid="nav-orders">
                  {m.nav.orders}
                </a>
                <a href="/proveedor/facturas" data-testid="nav-invoices">
                  {mj.nav.invoices}
                </a>
              </>
            ) : null}
            {can.offers ? (
              <a href="/proveedor/ofertas" data-testid="nav-offers">
                {mj.nav.offers}
              </a>
            ) : null}
            {can.receive ? (
              <a href="/recepciones" data-testid="nav-receptions">
                {m.nav.receptions}
              </a>
            ) : null}
            {can.payments ? (
              <a href="/pagos" data-testid="nav-payments">
                {mj.nav.payments}
              </a>
            ) : null}
            {can.bid ? (
              <a href="/proveedor/competencias" data-testid="nav-supplier-competitions">
                {m.competitions.supplierTitle}
              </a>
            ) : null}
            {can.compete ? (
              <a href="/competencias" data-testid="nav-competitions">
                {m.competitions.purchasingTitle}
              </a>
            ) : null}

            {!profile || can.sign ? (
              <a href="/contratos" data-testid="nav-contracts">
                {m.nav.contracts}
              </a>
            ) : null}
            {session ? (
              <form action={logout}>
                <button type="submit" className="link" data-testid="logout">
                  {m.nav.logout}
                </button>
              </form>
            ) : (
              <a href="/ingresar" data-testid="nav-login">
                {m.nav.login}
              </a>
            )}
            <form action={setLanguage}>
              <input type="hidden" name="idioma" value={m.lang.switchValue} />
              <button
                type="submit"
                className="link"
                lang={m.lang.switchValue === "en" ? "en" : "es-MX"}
                title={m.lang.switchLabel}
                data-testid="language-toggle"
              >
                {m.lang.switchTo}
              </button>
            </form>
          </nav>
        </header>
        <main id="contenido">{children}</main>
        <footer className="site-footer">Software libre. Datos de demostración: organizaciones y RFC ficticios.</footer>
      </body>
    </html>
  )
}
