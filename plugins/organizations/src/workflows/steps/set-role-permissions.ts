import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PERMISSIONS, type Permission } from "../../access/permissions"
import { getRole } from "../../access/roles"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"

export type SetRolePermissionsStepInput = {
  role: string
  permissions: string[]
}

const KNOWN = new Set<string>(Object.values(PERMISSIONS))

export const setRolePermissionsStepId = "organizations-set-role-permissions"
/**
 * This step replaces the permissions of one role in the matrix. The system
 * administrator cannot take away their own ability to manage the matrix.
 */
export const setRolePermissionsStep = createStep(
  setRolePermissionsStepId,
  async (input: SetRolePermissionsStepInput, { container }) => {
    if (!getRole(input.role)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `El rol «${input.role}» no existe.`, "ROL_DESCONOCIDO")
    }
    const unknown = input.permissions.filter((p) => !KNOWN.has(p))
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Permisos desconocidos: ${unknown.join(", ")}.`, "PERMISO_DESCONOCIDO")
    }
    if (input.role === "system_admin" && !input.permissions.includes(PERMISSIONS.ROLE_PERMISSIONS_MANAGE)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "El administrador del sistema no puede quitarse el permiso de administrar la matriz de roles.",
        "BLOQUEO_DE_ADMINISTRACION",
      )
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const current = await service.listRolePermissions({ role: input.role })
    const wanted = new Set(input.permissions)
    const removed = current.filter((c) => !wanted.has(c.permission))
    const added = [...wanted].filter((p) => !current.some((c) => c.permission === p)) as Permission[]
    if (removed.length) {
      await service.deleteRolePermissions(removed.map((r) => r.id))
    }
    const created = added.length ? await service.createRolePermissions(added.map((permission) => ({ role: input.role, permission }))) : []
    return new StepResponse(
      { role: input.role, permissions: [...wanted].sort() },
      {
        role: input.role,
        removed: removed.map((r) => r.permission),
        created_ids: created.map((c) => c.id),
      },
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    if (undo.created_ids.length) {
      await service.deleteRolePermissions(undo.created_ids)
    }
    if (undo.removed.length) {
      await service.createRolePermissions(undo.removed.map((permission) => ({ role: undo.role, permission })))
    }
  },
)
