import { getActaPdf } from "@lib/data/invoicing"
import { getSession } from "@lib/session"

export const dynamic = "force-dynamic"

/** GET /recepciones/:id/acta/pdf — the acta's PDF through the caller's session (same bytes, same digests). */
export async function GET(_req: Request, { params }: { params: { id: string } }) {
  const session = getSession()
  if (!session) {
    return new Response("Inicia sesión para ver el acta.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } })
  }
  const pdf = await getActaPdf(session, decodeURIComponent(params.id))
  if (!pdf.ok) {
    return new Response(`${pdf.error.message} (${pdf.error.code})`, {
      status: pdf.error.status || 502,
      headers: { "content-type": "text/plain; charset=utf-8" },
    })
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
