import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createGzip } from "node:zlib"
import { knexOf, window } from "../../../helpers"
import type { PublicBulkType } from "../../../validators"

const PAGE = 500

/**
 * GET /public/ocds/bulk — no login. Every published release (optionally
 * within `since`/`until`), one JSON release per line, gzipped
 * (`releases.jsonl.gz`), read in pages of 500 and streamed.
 */
export const GET = async (req: MedusaRequest<unknown, PublicBulkType>, res: MedusaResponse) => {
  const { where, params } = window(req.validatedQuery)
  const knex = knexOf(req.scope)
  res.setHeader("content-type", "application/gzip")
  res.setHeader("content-disposition", 'attachment; filename="releases.jsonl.gz"')
  const gzip = createGzip()
  gzip.pipe(res)
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await knex.raw(
      `SELECT data FROM tr_ocds_release WHERE ${where} ORDER BY date ASC, created_at ASC, id ASC LIMIT ? OFFSET ?`,
      [...params, PAGE, offset],
    )
    for (const r of rows) {
      if (!gzip.write(`${JSON.stringify(r.data)}\n`)) {
        await new Promise((resolve) => gzip.once("drain", resolve))
      }
    }
    if (rows.length < PAGE) {
      break
    }
  }
  gzip.end()
}
