import { MedusaError } from "@medusajs/framework/utils"
import type { AccessContext } from "../access/access-context"
import type { Permission } from "../access/permissions"

/**
 * Units in which the caller holds `permission`; `null` means the whole
 * organization (granted by a role that is not unit-scoped).
 */
export function unitsWithPermission(access: AccessContext, permission: Permission): string[] | null {
  const units = access.permission_units[permission]
  if (units === undefined) {
    return []
  }
  return units
}

/** Throws 403 unless the caller holds `permission` in `unitId`. */
export function assertUnitInScope(access: AccessContext, permission: Permission, unitId: string): void {
  const units = unitsWithPermission(access, permission)
  if (units === null || units.includes(unitId)) {
    return
  }
  throw new MedusaError(
    MedusaError.Types.FORBIDDEN,
    "La unidad indicada no está dentro del alcance de tus roles.",
    "UNIDAD_FUERA_DE_ALCANCE",
  )
}
