import { getContractPdf } from "@lib/data/contracts"
import { pdfResponse } from "@lib/pdf-response"

export const dynamic = "force-dynamic"

/** GET /contratos/:id/pdf — the contract's PDF through the caller's session (same bytes, same digests). */
export function GET(_req: Request, { params }: { params: { id: string } }) {
  return pdfResponse((session) => getContractPdf(session, decodeURIComponent(params.id)), "Inicia sesión para ver el contrato.")
}
