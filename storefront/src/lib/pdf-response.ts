import type { ApiResult } from "@lib/data/backend"
import { getSession, type Session } from "@lib/session"

const TEXT = { "content-type": "text/plain; charset=utf-8" }

/**
 * A signed document's PDF (contract, acta) passed through from the API with
 * the caller's session: the same bytes and the same digest headers, never
 * cached; a plain Spanish text when there is no session or the API refuses.
 */
export async function pdfResponse(fetchPdf: (session: Session) => Promise<ApiResult<ArrayBuffer>>, loginMessage: string) {
  const session = getSession()
  if (!session) {
    return new Response(loginMessage, { status: 401, headers: TEXT })
  }
  const pdf = await fetchPdf(session)
  if (!pdf.ok) {
    return new Response(`${pdf.error.message} (${pdf.error.code})`, { status: pdf.error.status || 502, headers: TEXT })
  }
  const headers = new Headers({ "content-type": "application/pdf", "cache-control": "private, no-store" })
  for (const h of ["content-disposition", "x-content-sha256", "x-document-sha256"]) {
    const v = pdf.headers.get(h)
    if (v) {
      headers.set(h, v)
    }
  }
  return new Response(pdf.data, { status: 200, headers })
}
