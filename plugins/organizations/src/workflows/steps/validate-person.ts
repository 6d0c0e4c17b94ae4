import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkRfc } from "../../access/rfc"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"
import type { CreatePersonInput, ValidatedPerson } from "../types"
import { validateRoleGrants } from "./validate-role-grants"

export const validatePersonStepId = "organizations-validate-person"
/**
 * This step checks a new person: personal RFC (persona física), unique
 * e-mail, password strength, and roles that fit the organization, its units
 * and one actor type.
 */
export const validatePersonStep = createStep(validatePersonStepId, async (input: CreatePersonInput, { container }) => {
  const rfc = checkRfc(input.rfc, "fisica")
  if (!rfc.valid) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, rfc.message, rfc.code)
  }
  if (!input.password || input.password.length < 12) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "La contraseña inicial debe tener al menos 12 caracteres.", "CONTRASENA_DEBIL")
  }
  const email = input.email.trim().toLowerCase()
  const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
  const [dup] = await service.listPeople({ email }, { take: 1 })
  if (dup) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Ya existe una persona registrada con el correo ${email}.`, "CORREO_DUPLICADO")
  }
  const { actor_type, roles } = await validateRoleGrants(service, input.organization_id, input.roles, null)
  const result: ValidatedPerson = {
    organization_id: input.organization_id,
    full_name: input.full_name.trim(),
    email,
    rfc: rfc.rfc,
    position: input.position ?? null,
    granted_by: input.granted_by ?? null,
    actor_type,
    roles,
  }
  return new StepResponse(result)
})
