import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordPackage } from "../../../../../ocds/package"
import { packageMeta, releasesOf } from "../../../../helpers"

/** GET /public/ocds/records/:ocid — no login. The record package: every release embedded and the compiled release. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { ocid } = req.params
  const releases = await releasesOf(req.scope, ocid)
  const meta = await packageMeta(req.scope, releases[releases.length - 1].date)
  res.json(recordPackage(ocid, releases, meta, `/public/ocds/records/${encodeURIComponent(ocid)}`))
}
