import { compileReleases } from "./merge"
import type { Release } from "./build"

/** Extensions the releases use (fields of the techniques, budget breakdown, bids and competitive-tender extensions). */
export const OCDS_EXTENSIONS = [
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json",
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json",
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_competitive_extension/master/extension.json",
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_process_title_extension/v1.1.5/extension.json",
]

export type PackageMeta = { publisherName: string; publicBaseUrl: string | null; publishedDate: string }

const LICENSE = "https://creativecommons.org/licenses/by/4.0/"
const POLICY = "https://github.com/tienda-digital/tienda-digital/blob/main/docs/transparency.md"

function meta(m: PackageMeta, path: string) {
  return {
    ...(m.publicBaseUrl ? { uri: `${m.publicBaseUrl}${path}` } : {}),
    version: "1.1",
    extensions: OCDS_EXTENSIONS,
    publishedDate: m.publishedDate,
    publisher: { name: m.publisherName },
    license: LICENSE,
    publicationPolicy: POLICY,
  }
}

/** A release package: the releases of one ocid, or a page of them. */
export function releasePackage(releases: Release[], m: PackageMeta, path: string) {
  return { ...meta(m, path), releases }
}

/** A record package with one record: every release of the ocid (embedded) and the compiled release. */
export function recordPackage(ocid: string, releases: Release[], m: PackageMeta, path: string) {
  return {
    ...meta(m, path),
    records: [{ ocid, releases, compiledRelease: compileReleases(releases) }],
  }
}
