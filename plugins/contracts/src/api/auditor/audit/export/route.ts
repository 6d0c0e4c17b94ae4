import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { auditRetentionYears, retainedSince } from "../../../../retention/config"
import { auditExportLines } from "../../../../retention/export"
import type { AuditorExportType } from "../../../validators"

type Knex = { raw: (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * GET /auditor/audit/export?from=AAAA-MM-DD&to=AAAA-MM-DD — streams the
 * retained record (ledger entries as hashed, daily checkpoints, registered
 * e.firma certificates and other retained documents) as NDJSON, for offline
 * verification and archiving. Default range: the retention window
 * (AUDIT_RETENTION_YEARS, at least 3) up to today inclusive. Complements the
 * paginated /auditor/audit/entries.
 */
export const GET = async (req: AuthorizedRequest<unknown, AuditorExportType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const now = new Date()
  const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10)
  const range = { from: q.from ?? retainedSince(auditRetentionYears(), now), to: q.to ?? tomorrow }
  const knex = req.scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const run = async (sql: string, params: unknown[]) => (await knex.raw(sql, params)).rows
  res.setHeader("Content-Type", "application/x-ndjson; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="bitacora-${range.from}_${range.to}.ndjson"`)
  res.setHeader("Cache-Control", "no-store")
  for await (const line of auditExportLines(run, range, now)) {
    if (!res.write(line)) {
      await new Promise((resolve) => res.once("drain", resolve))
    }
  }
  res.end()
}
