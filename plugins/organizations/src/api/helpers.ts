import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AccessContext } from "../access/access-context"
import { getRole } from "../access/roles"

export const ORGANIZATION_FIELDS = [
  "id",
  "kind",
  "rfc",
  "legal_name",
  "short_name",
  "regimen_fiscal",
  "codigo_postal",
  "state_code",
  "ramo",
  "agency_type",
  "sme_size",
  "email",
  "phone",
  "is_active",
  "created_at",
]

export const UNIT_FIELDS = [
  "units.id",
  "units.code",
  "units.name",
  "units.kind",
  "units.state_code",
  "units.codigo_postal",
  "units.address",
  "units.is_active",
]

export const PERSON_FIELDS = [
  "id",
  "full_name",
  "email",
  "rfc",
  "position",
  "actor_type",
  "is_active",
  "organization.id",
  "organization.legal_name",
  "organization.kind",
  "role_assignments.id",
  "role_assignments.role",
  "role_assignments.valid_from",
  "role_assignments.valid_until",
  "role_assignments.unit.id",
  "role_assignments.unit.code",
  "role_assignments.unit.name",
]

type ListInput = {
  limit: number
  offset: number
  kind?: string
  q?: string
  organization_id?: string
}

export async function listOrganizations(container: MedusaContainer, input: ListInput, fields: readonly string[] = ORGANIZATION_FIELDS) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  if (input.kind) {
    filters.kind = input.kind
  }
  if (input.q) {
    filters.$or = [{ legal_name: { $ilike: `%${input.q}%` } }, { rfc: { $ilike: `%${input.q}%` } }]
  }
  const { data, metadata } = await query.graph({
    entity: "organization",
    fields: [...fields],
    filters,
    pagination: { skip: input.offset, take: input.limit, order: { legal_name: "ASC" } },
  })
  return {
    organizations: data,
    count: metadata?.count ?? data.length,
    offset: input.offset,
    limit: input.limit,
  }
}

/** An organization with the `fields` asked (its columns and `units`, by default). */
export async function retrieveOrganization(
  container: MedusaContainer,
  id: string,
  fields: readonly string[] = [...ORGANIZATION_FIELDS, "units"],
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "organization",
    fields: fields.flatMap((f) => (f === "units" ? UNIT_FIELDS : [f])),
    filters: { id },
  })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La organización ${id} no existe.`, "ORGANIZACION_NO_EXISTE")
  }
  return data[0]
}

export async function listPeople(container: MedusaContainer, input: ListInput) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  if (input.organization_id) {
    filters.organization_id = input.organization_id
  }
  if (input.q) {
    filters.$or = [{ full_name: { $ilike: `%${input.q}%` } }, { email: { $ilike: `%${input.q}%` } }]
  }
  const { data, metadata } = await query.graph({
    entity: "person",
    fields: PERSON_FIELDS,
    filters,
    pagination: { skip: input.offset, take: input.limit, order: { full_name: "ASC" } },
  })
  return {
    people: data,
    count: metadata?.count ?? data.length,
    offset: input.offset,
    limit: input.limit,
  }
}

export async function retrievePerson(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "person",
    fields: PERSON_FIELDS,
    filters: { id },
  })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La persona ${id} no existe.`, "PERSONA_NO_EXISTE")
  }
  return data[0]
}

/** The caller's profile as returned by every `/…/me` route. */
export function profileOf(access: AccessContext) {
  return {
    id: access.person_id,
    full_name: access.full_name,
    email: access.email,
    rfc: access.rfc,
    actor_type: access.actor_type,
    organization: {
      id: access.organization_id,
      kind: access.organization_kind,
      rfc: access.organization_rfc,
    },
    roles: access.roles.map((r) => ({
      ...r,
      label_es: getRole(r.role)?.label_es ?? r.role,
      label_en: getRole(r.role)?.label_en ?? r.role,
    })),
    permissions: [...access.permissions].sort(),
  }
}
