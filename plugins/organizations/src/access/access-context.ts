import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ActorType, RoleCode } from "./roles"
import type { Permission } from "./permissions"
import { ORGANIZATION_MODULE } from "../modules/organization"
import type OrganizationModuleService from "../modules/organization/service"

export type ActiveRole = {
  id: string
  role: RoleCode
  unit_id: string | null
}

/** Who is calling, for which organization, with which roles and permissions. */
export type AccessContext = {
  person_id: string
  /** The Medusa auth actor id the context was loaded for. */
  actor_id: string
  full_name: string
  email: string
  rfc: string
  actor_type: ActorType
  organization_id: string
  organization_kind: "shcp" | "agency" | "supplier" | "civil_society"
  organization_rfc: string
  roles: ActiveRole[]
  permissions: Permission[]
  /**
   * For each permission, the units it is granted in; `null` when a role that
   * is not unit-scoped grants it (valid for the whole organization).
   */
  permission_units: Partial<Record<Permission, string[] | null>>
}

/** A role assignment counts only inside its validity period. */
export function isAssignmentActive(a: { valid_from: Date | string; valid_until: Date | string | null }, now: Date): boolean {
  const from = new Date(a.valid_from).getTime()
  const until = a.valid_until ? new Date(a.valid_until).getTime() : Infinity
  return from <= now.getTime() && now.getTime() < until
}

/**
 * Loads the access context of an authenticated actor, or null when the actor
 * is not a registered, active person of an active organization.
 */
export async function loadAccessContext(
  container: MedusaContainer,
  actorType: string,
  actorId: string,
  now: Date = new Date(),
): Promise<AccessContext | null> {
  const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
  // One query: active person of an active organization, roles in force at
  // `now` in active units, and the matrix cells of those roles.
  const person = await service.loadAccessRow(actorType, actorId, now)
  if (!person) {
    return null
  }
  const roles: ActiveRole[] = person.roles.map((a) => ({ id: a.id, role: a.role as RoleCode, unit_id: a.unit_id }))
  const roleCodes = [...new Set(roles.map((r) => r.role))]
  const cells = person.cells

  const permissionUnits: Partial<Record<Permission, string[] | null>> = {}
  for (const cell of cells) {
    const permission = cell.permission as Permission
    for (const r of roles.filter((x) => x.role === cell.role)) {
      const current = permissionUnits[permission]
      if (r.unit_id === null || current === null) {
        permissionUnits[permission] = null
      } else {
        permissionUnits[permission] = [...new Set([...(current ?? []), r.unit_id])]
      }
    }
  }

  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.debug(`access: ${person.email} roles=${roleCodes.join(",")}`)

  return {
    person_id: person.id,
    actor_id: actorId,
    full_name: person.full_name,
    email: person.email,
    rfc: person.rfc,
    actor_type: person.actor_type as ActorType,
    organization_id: person.organization_id,
    organization_kind: person.organization_kind as AccessContext["organization_kind"],
    organization_rfc: person.organization_rfc,
    roles,
    permissions: Object.keys(permissionUnits) as Permission[],
    permission_units: permissionUnits,
  }
}
