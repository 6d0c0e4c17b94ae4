import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Release } from "../../../../ocds/build"
import { releasePackage } from "../../../../ocds/package"
import { knexOf, packageMeta, window } from "../../../helpers"
import type { PublicListReleasesType } from "../../../validators"

/**
 * GET /public/ocds/releases — no login. A release package with a page of
 * every published release (oldest first), optionally within `since`/`until`;
 * `links.next`/`links.prev` (pagination extension) and `count` page on.
 */
export const GET = async (req: MedusaRequest<unknown, PublicListReleasesType>, res: MedusaResponse) => {
  const { limit, offset, since, until } = req.validatedQuery
  const { where, params } = window({ since, until })
  const knex = knexOf(req.scope)
  const { rows } = await knex.raw(
    `SELECT data FROM tr_ocds_release WHERE ${where} ORDER BY date ASC, created_at ASC, id ASC LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  )
  const counted = await knex.raw(`SELECT count(*)::int AS n FROM tr_ocds_release WHERE ${where}`, params)
  const count = Number(counted.rows[0].n)
  const releases = rows.map((r) => r.data as Release)
  const meta = await packageMeta(req.scope, new Date().toISOString())
  const page = (o: number) => {
    const q = new URLSearchParams({ limit: String(limit), offset: String(o), ...(since ? { since } : {}), ...(until ? { until } : {}) })
    return `${meta.publicBaseUrl ?? ""}/public/ocds/releases?${q.toString()}`
  }
  const links: Record<string, string> = {}
  if (offset + limit < count) {
    links.next = page(offset + limit)
  }
  if (offset > 0) {
    links.prev = page(Math.max(0, offset - limit))
  }
  res.json({ ...releasePackage(releases, meta, "/public/ocds/releases"), links, count, limit, offset })
}
