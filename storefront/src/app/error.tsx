"use client"

import { useEffect, useRef } from "react"

/**
 * An unexpected fault while rendering a page: a Spanish message and a way to
 * try again, never the raw error (refusals of the API are shown by each page
 * with their code; this is for everything else).
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <section aria-labelledby="error-titulo">
      <h1 id="error-titulo">Algo salió mal</h1>
      <div className="alert" role="alert" tabIndex={-1} ref={ref} data-testid="page-error">
        <p>No se pudo mostrar esta página. Intenta de nuevo en unos minutos; si se repite, avisa a la mesa de ayuda.</p>
        <p className="code">
          Código: <code>ERROR_INESPERADO</code>
        </p>
      </div>
      <p>
        <button type="button" className="button primary" onClick={() => reset()}>
          Intentar de nuevo
        </button>
      </p>
    </section>
  )
}
