import { MedusaError } from "@medusajs/framework/utils"
import { getRole, type ActorType } from "../../access/roles"
import type OrganizationModuleService from "../../modules/organization/service"
import type { RoleGrantInput } from "../types"
import type { OrganizationsErrorCode } from "../../errors"

function invalid(code: OrganizationsErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

/**
 * Shared rule set for granting roles: known role codes, roles that belong to
 * the organization's kind, unit-scoped roles with a unit of that same
 * organization, one actor type per person, coherent validity dates.
 */
export async function validateRoleGrants(
  service: OrganizationModuleService,
  organizationId: string,
  grants: RoleGrantInput[],
  personActorType: ActorType | null,
): Promise<{
  actor_type: ActorType
  roles: (RoleGrantInput & { valid_from: string })[]
}> {
  if (!grants?.length) {
    invalid("ROL_REQUERIDO", "Asigna al menos un rol a la persona.")
  }
  const [org] = await service.listOrganizations({ id: organizationId }, { take: 1 })
  if (!org) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La organización ${organizationId} no existe.`, "ORGANIZACION_NO_EXISTE")
  }
  const unitIds = grants.map((g) => g.unit_id).filter((u): u is string => !!u)
  const units = unitIds.length ? await service.listOrganizationUnits({ id: unitIds, organization_id: org.id }) : []
  let actorType: ActorType | null = personActorType
  const now = new Date().toISOString()
  const roles = grants.map((g) => {
    const role = getRole(g.role)
    if (!role) {
      invalid("ROL_DESCONOCIDO", `El rol «${g.role}» no existe.`)
    }
    if (role.organization_kind !== "any" && role.organization_kind !== org.kind) {
      invalid("ROL_NO_CORRESPONDE_A_ORGANIZACION", `El rol «${role.label_es}» no puede asignarse a personal de ${org.legal_name}.`)
    }
    if (actorType && actorType !== role.actor_type) {
      invalid(
        "ROLES_DE_TIPOS_DISTINTOS",
        `El rol «${role.label_es}» requiere otro tipo de cuenta; una persona no puede combinar roles de tipos de cuenta distintos.`,
      )
    }
    actorType = role.actor_type
    if (role.unit_scoped && !g.unit_id) {
      invalid("UNIDAD_REQUERIDA", `El rol «${role.label_es}» se ejerce dentro de una unidad: indica la unidad.`)
    }
    if (!role.unit_scoped && g.unit_id) {
      invalid("UNIDAD_NO_APLICA", `El rol «${role.label_es}» no se asigna por unidad.`)
    }
    if (g.unit_id && !units.some((u) => u.id === g.unit_id)) {
      invalid("UNIDAD_DE_OTRA_ORGANIZACION", `La unidad ${g.unit_id} no pertenece a ${org.legal_name}.`)
    }
    const from = g.valid_from ?? now
    if (g.valid_until && new Date(g.valid_until) <= new Date(from)) {
      invalid("VIGENCIA_INVALIDA", "La fecha de término del rol debe ser posterior a la de inicio.")
    }
    return { ...g, unit_id: g.unit_id ?? null, valid_from: from }
  })
  return { actor_type: actorType as unknown as ActorType, roles }
}
