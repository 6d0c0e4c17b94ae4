import { getActaPdf } from "@lib/data/invoicing"
import { pdfResponse } from "@lib/pdf-response"

export const dynamic = "force-dynamic"

/** GET /recepciones/:id/acta/pdf — the acta's PDF through the caller's session (same bytes, same digests). */
export function GET(_req: Request, { params }: { params: { id: string } }) {
  return pdfResponse((session) => getActaPdf(session, decodeURIComponent(params.id)), "Inicia sesión para ver el acta.")
}
