import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { AUDIT_LEDGER_MODULE } from "../../../../modules/audit-ledger"
import type AuditLedgerModuleService from "../../../../modules/audit-ledger/service"
import type { AuditorListEntriesType } from "../../../validators"

/**
 * GET /auditor/audit/entries — paginated export of the ledger, in sequence
 * order, with every hashed field, so an auditor can recompute the chain.
 */
export const GET = async (req: AuthorizedRequest<unknown, AuditorListEntriesType>, res: MedusaResponse) => {
  const { limit, offset, entity_type, entity_id, after_sequence } = req.validatedQuery
  const ledger = req.scope.resolve<AuditLedgerModuleService>(AUDIT_LEDGER_MODULE)
  const { entries, count } = await ledger.listLedger({ entity_type, entity_id, after_sequence }, { limit, offset })
  res.json({ entries, count, limit, offset })
}
