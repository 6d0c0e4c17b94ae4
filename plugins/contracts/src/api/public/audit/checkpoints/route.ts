import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUDIT_LEDGER_MODULE } from "../../../../modules/audit-ledger"
import type AuditLedgerModuleService from "../../../../modules/audit-ledger/service"
import type { PublicListCheckpointsType } from "../../../validators"

/**
 * GET /public/audit/checkpoints — the published daily checkpoints of the
 * audit ledger (day, count, first/last sequence, Merkle root). No login:
 * routes outside /admin and /store get no authentication, on purpose, so
 * anyone can keep a copy and later detect a rewritten history.
 */
export const GET = async (req: MedusaRequest<unknown, PublicListCheckpointsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const ledger = req.scope.resolve<AuditLedgerModuleService>(AUDIT_LEDGER_MODULE)
  const { checkpoints, count } = await ledger.listPublishedCheckpoints({ limit, offset })
  res.json({
    checkpoints,
    count,
    limit,
    offset,
    merkle: "RFC 6962: hoja = SHA-256(0x00 || entry_hash), nodo = SHA-256(0x01 || izq || der)",
  })
}
