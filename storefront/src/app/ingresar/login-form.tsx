"use client"

import { useFormState, useFormStatus } from "react-dom"
import { login, type LoginState } from "@lib/actions/session"

function Submit() {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button primary" disabled={pending} data-testid="login-submit">
      {pending ? "Entrando…" : "Entrar"}
    </button>
  )
}

export function LoginForm({ next }: { next: string }) {
  const [state, action] = useFormState<LoginState, FormData>(login, { error: null, code: null })
  return (
    <form action={action} className="form" data-testid="login-form">
      <input type="hidden" name="siguiente" value={next} />
      <label className="field">
        <span>Tipo de cuenta</span>
        <select name="cuenta" defaultValue="customer" data-testid="login-account">
          <option value="customer">Dependencia o entidad (compradores)</option>
          <option value="supplier">Proveedor</option>
        </select>
      </label>
      <label className="field">
        <span>Correo electrónico</span>
        <input type="email" name="email" autoComplete="username" inputMode="email" required data-testid="login-email" />
      </label>
      <label className="field">
        <span>Contraseña</span>
        <input type="password" name="password" autoComplete="current-password" required data-testid="login-password" />
      </label>
      {state.error ? (
        <p className="alert" role="alert" data-testid="login-error">
          {state.error}
        </p>
      ) : null}
      <Submit />
    </form>
  )
}
