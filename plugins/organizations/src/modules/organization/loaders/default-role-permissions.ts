import { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_ROLE_PERMISSIONS } from "../../../access/permissions"

type Service<T> = {
  list: (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<T[]>
  create: (data: Record<string, unknown>[]) => Promise<unknown[]>
}

/**
 * Loads the default cells of every permission the matrix has not seen yet
 * (all of them on a new database; only new ones after an upgrade). Cells the
 * system administrator removed are not put back on restart.
 */
export default async function loadDefaultRolePermissions({ container }: LoaderOptions) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const known = container.resolve<Service<{ code: string }>>("knownPermissionService")
  const cells = container.resolve<Service<{ role: string; permission: string }>>("rolePermissionService")
  try {
    const seen = new Set((await known.list({}, { take: null })).map((k) => k.code))
    const defaults = Object.entries(DEFAULT_ROLE_PERMISSIONS).flatMap(([role, permissions]) =>
      permissions.map((permission) => ({ role, permission })),
    )
    const fresh = [...new Set(defaults.map((d) => d.permission))].filter((p) => !seen.has(p))
    if (!fresh.length) {
      return
    }
    const existing = await cells.list({ permission: fresh }, { take: null })
    const rows = defaults.filter(
      (d) => fresh.includes(d.permission) && !existing.some((e) => e.role === d.role && e.permission === d.permission),
    )
    if (rows.length) {
      await cells.create(rows)
    }
    await known.create(fresh.map((code) => ({ code })))
    logger.info(`Role-permission matrix: defaults loaded for ${fresh.length} new permission(s)`)
  } catch (e) {
    // Before the first migration the tables do not exist yet.
    logger.debug(`Role-permission defaults not loaded yet: ${(e as Error).message}`)
  }
}
