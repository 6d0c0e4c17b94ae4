import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { parseClassifierCsv } from "../../../../catalog/classifier-import"
import { importClassifierWorkflow } from "../../../../workflows/import-classifier"
import type { AdminImportCsvType } from "../../../validators"

/** Imports an official UNSPSC CSV or SAT c_ClaveProdServ export; reports rejected rows. */
export const POST = async (req: AuthorizedRequest<AdminImportCsvType>, res: MedusaResponse) => {
  const parsed = parseClassifierCsv(req.validatedBody.csv)
  const version = req.validatedBody.version ?? (parsed.format === "unspsc" ? "UNSPSC" : "SAT-c_ClaveProdServ")
  const { result } = parsed.rows.length
    ? await importClassifierWorkflow(req.scope).run({ input: { rows: parsed.rows, version, actor: auditActorOf(req) } })
    : { result: { created: 0, updated: 0 } }
  res.json({ format: parsed.format, version, ...result, rejected: parsed.rejected })
}
