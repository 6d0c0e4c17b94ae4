/** What a page shows while its data is read from the API (a route's loading.tsx): a polite status line. */
export function PageLoading() {
  return (
    <p className="muted" role="status" aria-live="polite" data-testid="page-loading">
      Cargando…
    </p>
  )
}
