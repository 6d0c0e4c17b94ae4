import { z } from "@medusajs/framework/zod"
import { ROLE_CODES } from "../access/roles"
import { fieldsSchema } from "../http/query-config"
import { paginationSchema } from "../http/validate"

const UNIT_KINDS = [
  "purchasing_unit",
  "requiring_area",
  "budget_area",
  "contract_administration",
  "reception",
  "finance",
  "headquarters",
] as const

export const UnitSchema = z
  .object({
    code: z.string().trim().min(1).max(40),
    name: z.string().trim().min(3).max(300),
    kind: z.enum(UNIT_KINDS),
    state_code: z.string().length(3),
    codigo_postal: z.string(),
    address: z.string().max(500).nullish(),
  })
  .strict()

export const AdminCreateOrganization = z
  .object({
    kind: z.enum(["agency", "supplier", "civil_society"]),
    rfc: z.string().trim().min(12).max(13),
    legal_name: z.string().trim().min(3).max(300),
    short_name: z.string().trim().max(60).nullish(),
    regimen_fiscal: z.string().length(3),
    codigo_postal: z.string(),
    state_code: z.string().length(3).nullish(),
    ramo: z.string().max(10).nullish(),
    agency_type: z.enum(["dependencia", "entidad", "organo_desconcentrado"]).nullish(),
    sme_size: z.enum(["micro", "pequena", "mediana", "grande"]).nullish(),
    /** Agencies: pays from its own resources (recursos propios), not through CLC/SIAFF. */
    own_resources: z.boolean().optional(),
    email: z.email().nullish(),
    phone: z.string().max(30).nullish(),
    units: z.array(UnitSchema).max(200).optional(),
  })
  .strict()
export type AdminCreateOrganizationType = z.infer<typeof AdminCreateOrganization>

/** Registry data the system administrator may change; at least one field. RFC and fiscal data are not editable. */
export const AdminUpdateOrganization = z
  .object({
    legal_name: z.string().trim().min(3).max(300).optional(),
    short_name: z.string().trim().max(60).nullish(),
    state_code: z.string().length(3).nullish(),
    ramo: z.string().max(10).nullish(),
    agency_type: z.enum(["dependencia", "entidad", "organo_desconcentrado"]).nullish(),
    sme_size: z.enum(["micro", "pequena", "mediana", "grande"]).nullish(),
    email: z.email().nullish(),
    phone: z.string().trim().max(30).nullish(),
    is_active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Indica al menos un dato por cambiar." })
export type AdminUpdateOrganizationType = z.infer<typeof AdminUpdateOrganization>

export const AdminListOrganizations = z
  .object({
    ...paginationSchema,
    ...fieldsSchema,
    kind: z.enum(["shcp", "agency", "supplier", "civil_society"]).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict()
export type AdminListOrganizationsType = z.infer<typeof AdminListOrganizations>

export const AdminGetOrganization = z.object({ ...fieldsSchema }).strict()
export type AdminGetOrganizationType = z.infer<typeof AdminGetOrganization>

export const AdminCreateUnits = z.object({ units: z.array(UnitSchema).min(1).max(200) }).strict()
export type AdminCreateUnitsType = z.infer<typeof AdminCreateUnits>

const RoleGrant = z
  .object({
    role: z.enum(ROLE_CODES as [string, ...string[]]),
    unit_id: z.string().nullish(),
    valid_from: z.iso.datetime({ offset: true }).nullish(),
    valid_until: z.iso.datetime({ offset: true }).nullish(),
  })
  .strict()

export const AdminCreatePerson = z
  .object({
    organization_id: z.string().min(1),
    full_name: z.string().trim().min(3).max(200),
    email: z.email(),
    rfc: z.string().trim().min(12).max(13),
    position: z.string().trim().max(200).nullish(),
    password: z.string().min(12).max(200),
    roles: z.array(RoleGrant).min(1).max(20),
  })
  .strict()
export type AdminCreatePersonType = z.infer<typeof AdminCreatePerson>

/** A person's data the system administrator may change; at least one field. E-mail and RFC identify the account. */
export const AdminUpdatePerson = z
  .object({
    full_name: z.string().trim().min(3).max(200).optional(),
    position: z.string().trim().max(200).nullish(),
    is_active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Indica al menos un dato por cambiar." })
export type AdminUpdatePersonType = z.infer<typeof AdminUpdatePerson>

export const AdminListPeople = z
  .object({
    ...paginationSchema,
    organization_id: z.string().optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict()
export type AdminListPeopleType = z.infer<typeof AdminListPeople>

export const AdminGrantRoles = z.object({ roles: z.array(RoleGrant).min(1).max(20) }).strict()
export type AdminGrantRolesType = z.infer<typeof AdminGrantRoles>

export const AdminSetRolePermissions = z.object({ permissions: z.array(z.string().min(1)).max(200) }).strict()
export type AdminSetRolePermissionsType = z.infer<typeof AdminSetRolePermissions>

export const SupplierUpdateContact = z
  .object({
    email: z.email().nullish(),
    phone: z.string().trim().max(30).nullish(),
  })
  .strict()
export type SupplierUpdateContactType = z.infer<typeof SupplierUpdateContact>

export const ListDirectory = z.object({ ...paginationSchema }).strict()
export type ListDirectoryType = z.infer<typeof ListDirectory>
