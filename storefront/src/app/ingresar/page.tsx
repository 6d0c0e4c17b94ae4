import type { Metadata } from "next"
import { safeReturnPath } from "@lib/session"
import { LoginForm } from "./login-form"

export const metadata: Metadata = { title: "Iniciar sesión — Tienda Digital" }
export const dynamic = "force-dynamic"

export default function LoginPage({ searchParams }: { searchParams: { siguiente?: string; motivo?: string } }) {
  // no page to return to: the login action picks the person's landing page
  const next = searchParams.siguiente ? safeReturnPath(searchParams.siguiente, "") : ""
  return (
    <section className="narrow" aria-labelledby="ingresar">
      <h1 id="ingresar">Iniciar sesión</h1>
      {searchParams.motivo === "sesion" ? (
        <p className="notice" role="status" data-testid="session-expired">
          Tu sesión terminó o no es válida. Inicia sesión de nuevo para continuar.
        </p>
      ) : null}
      <p className="muted">
        Personal de dependencias y proveedores: entra con el correo y la contraseña de tu cuenta de la Tienda Digital.
      </p>
      <LoginForm next={next} />
    </section>
  )
}
