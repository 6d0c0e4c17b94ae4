import type { Metadata, Viewport } from "next"
import { logout } from "@lib/actions/session"
import { getSession } from "@lib/session"
import "./globals.css"

export const metadata: Metadata = {
  title: "Tienda Digital — Contratos Marco",
  description:
    "Compras de bienes de uso común de la Administración Pública Federal mediante contratos marco.",
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const session = getSession()
  return (
    <html lang="es-MX">
      <body>
        <header className="site-header">
          <a href="/" className="brand" data-testid="brand">
            Tienda Digital
          </a>
          <span className="tagline">Contratos marco del Gobierno de México</span>
          <nav className="site-nav" aria-label="Cuenta">
            <a href="/buscar" data-testid="nav-search">
              Buscar en el catálogo
            </a>
            <a href="/contratos" data-testid="nav-contracts">
              Contratos por firmar
            </a>
            {session ? (
              <form action={logout}>
                <button type="submit" className="link" data-testid="logout">
                  Cerrar sesión
                </button>
              </form>
            ) : (
              <a href="/ingresar" data-testid="nav-login">
                Iniciar sesión
              </a>
            )}
          </nav>
        </header>
        <main>{children}</main>
        <footer className="site-footer">
          Software libre. Datos de demostración: organizaciones y RFC ficticios.
        </footer>
      </body>
    </html>
  )
}
