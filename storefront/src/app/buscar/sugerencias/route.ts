import { suggestCatalog } from "@lib/data/search"
import { getSession } from "@lib/session"

export const dynamic = "force-dynamic"

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "private, no-store" } })

/**
 * GET /buscar/sugerencias?q= — the search box's as-you-type suggestions:
 * proxies GET /store/catalog/search/suggest with the session's token (which
 * page scripts never see). Refusals come back as { code, message }.
 */
export async function GET(req: Request) {
  const session = getSession()
  if (!session) {
    return json({ code: "NO_AUTENTICADO", message: "Inicia sesión para ver sugerencias del catálogo." }, 401)
  }
  const q = (new URL(req.url).searchParams.get("q") ?? "").trim().slice(0, 100)
  if (!q) {
    return json({ suggestions: [] })
  }
  const res = await suggestCatalog(session, q)
  if (!res.ok) {
    return json({ code: res.error.code, message: res.error.message }, res.error.status || 502)
  }
  return json({ suggestions: res.data.suggestions })
}
