import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Release } from "../ocds/build"
import type { PackageMeta } from "../ocds/package"
import { tr } from "../workflows/steps/service"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/** The package metadata from the plugin's settings. */
export async function packageMeta(scope: MedusaContainer, publishedDate: string): Promise<PackageMeta> {
  const s = await tr(scope).settings()
  return { publisherName: s.publisherName, publicBaseUrl: s.publicBaseUrl, publishedDate }
}

/** Every release of an ocid, oldest first; 404 when the ocid was never published. */
export async function releasesOf(scope: MedusaContainer, ocid: string): Promise<Release[]> {
  const rows = await tr(scope).listOcdsReleases(
    { ocid },
    { select: ["data", "date", "created_at"], order: { date: "ASC", created_at: "ASC" }, take: null },
  )
  if (!rows.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No hay publicaciones OCDS con el ocid ${ocid}.`, "OCID_NO_EXISTE")
  }
  return rows.map((r) => r.data as unknown as Release)
}

/** Date window (inclusive since, exclusive until) as SQL and parameters. */
export function window(q: { since?: string; until?: string }): { where: string; params: unknown[] } {
  const parts: string[] = ["deleted_at IS NULL"]
  const params: unknown[] = []
  if (q.since) {
    parts.push("date >= ?")
    params.push(new Date(q.since))
  }
  if (q.until) {
    parts.push("date < ?")
    params.push(new Date(q.until))
  }
  return { where: parts.join(" AND "), params }
}

export const knexOf = (scope: MedusaContainer) => scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
