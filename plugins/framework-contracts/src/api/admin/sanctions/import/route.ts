import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { parseSanctionsCsv } from "../../../../catalog/sanctions-import"
import { createSanctionsWorkflow } from "../../../../workflows/create-sanctions"
import type { AdminImportCsvType } from "../../../validators"

/** Imports the SFP sanctioned-suppliers directory (CSV); reports rejected rows. */
export const POST = async (req: AuthorizedRequest<AdminImportCsvType>, res: MedusaResponse) => {
  const parsed = parseSanctionsCsv(req.validatedBody.csv, req.validatedBody.version ?? "csv")
  const { result } = parsed.rows.length
    ? await createSanctionsWorkflow(req.scope).run({ input: { sanctions: parsed.rows, actor: auditActorOf(req) } })
    : { result: { created: 0, duplicates: 0 } }
  res.json({ ...result, rejected: parsed.rejected })
}
