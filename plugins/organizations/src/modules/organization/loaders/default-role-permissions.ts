import { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_ROLE_PERMISSIONS } from "../../../access/permissions"

type RolePermissionService = {
  list: (
    filters: Record<string, unknown>,
    config?: Record<string, unknown>
  ) => Promise<unknown[]>
  create: (data: { role: string; permission: string }[]) => Promise<unknown[]>
}

/**
 * Loads the default role-permission matrix the first time the module starts
 * on an empty table. Afterwards the matrix belongs to the system
 * administrator: removed permissions are not put back on restart.
 */
export default async function loadDefaultRolePermissions({
  container,
}: LoaderOptions) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<RolePermissionService>(
    "rolePermissionService"
  )
  try {
    const existing = await service.list({}, { take: 1 })
    if (existing.length) {
      return
    }
    const rows = Object.entries(DEFAULT_ROLE_PERMISSIONS).flatMap(
      ([role, permissions]) =>
        permissions.map((permission) => ({ role, permission }))
    )
    await service.create(rows)
    logger.info(`Loaded the default role-permission matrix (${rows.length} cells)`)
  } catch (e) {
    // Before the first migration the table does not exist yet.
    logger.debug(
      `Role-permission defaults not loaded yet: ${(e as Error).message}`
    )
  }
}
