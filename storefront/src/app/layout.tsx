import type { Metadata } from "next"
import "./globals.css"

export const metadata: Metadata = {
  title: "Tienda Digital — Contratos Marco",
  description:
    "Compras de bienes de uso común de la Administración Pública Federal mediante contratos marco.",
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="es-MX">
      <body>
        <header className="site-header">
          <a href="/" className="brand" data-testid="brand">
            Tienda Digital
          </a>
          <span className="tagline">Contratos marco del Gobierno de México</span>
        </header>
        <main>{children}</main>
        <footer className="site-footer">
          Software libre. Datos de demostración: organizaciones y RFC ficticios.
        </footer>
      </body>
    </html>
  )
}
