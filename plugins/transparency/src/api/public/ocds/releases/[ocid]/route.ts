import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releasePackage } from "../../../../../ocds/package"
import { packageMeta, releasesOf } from "../../../../helpers"

/** GET /public/ocds/releases/:ocid — no login. The release package of every release of one contracting process. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const releases = await releasesOf(req.scope, req.params.ocid)
  const meta = await packageMeta(req.scope, releases[releases.length - 1].date)
  res.json(releasePackage(releases, meta, `/public/ocds/releases/${encodeURIComponent(req.params.ocid)}`))
}
