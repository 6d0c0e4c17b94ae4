import type { ActorType, RoleCode } from "../access/roles"

export type UnitKind =
  "purchasing_unit" | "requiring_area" | "budget_area" | "contract_administration" | "reception" | "finance" | "headquarters"

export type UnitInput = {
  code: string
  name: string
  kind: UnitKind
  state_code: string
  codigo_postal: string
  address?: string | null
}

export type CreateOrganizationInput = {
  kind: "shcp" | "agency" | "supplier" | "civil_society"
  rfc: string
  legal_name: string
  short_name?: string | null
  regimen_fiscal: string
  codigo_postal: string
  state_code?: string | null
  ramo?: string | null
  agency_type?: "dependencia" | "entidad" | "organo_desconcentrado" | null
  sme_size?: "micro" | "pequena" | "mediana" | "grande" | null
  /** Agencies: pays from its own resources (recursos propios), not through CLC/SIAFF. */
  own_resources?: boolean
  email?: string | null
  phone?: string | null
  metadata?: Record<string, unknown> | null
}

export type RoleGrantInput = {
  role: RoleCode
  unit_id?: string | null
  valid_from?: string | null
  valid_until?: string | null
}

export type CreatePersonInput = {
  organization_id: string
  full_name: string
  email: string
  rfc: string
  position?: string | null
  password: string
  roles: RoleGrantInput[]
  granted_by?: string | null
}

export type ValidatedPerson = Omit<CreatePersonInput, "password" | "roles"> & {
  actor_type: ActorType
  roles: (RoleGrantInput & { valid_from: string })[]
}
