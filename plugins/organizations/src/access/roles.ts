/**
 * The roles of the store. Codes are stable identifiers stored in
 * role_assignment.role and role_permission.role; labels are for people.
 */
export type ActorType = "user" | "customer" | "supplier" | "observer" | "auditor"

export type RoleCode =
  | "shcp_contract_admin"
  | "shcp_planning"
  | "system_admin"
  | "requiring_unit"
  | "purchasing_unit"
  | "purchasing_operator"
  | "budget"
  | "contract_admin"
  | "reception_manager"
  | "payment_typist"
  | "supplier_user"
  | "observer"
  | "auditor"

export type RoleDefinition = {
  code: RoleCode
  label_es: string
  label_en: string
  /** The Medusa actor type a holder of this role logs in as. */
  actor_type: ActorType
  /** Which kind of organization may hold the role. */
  organization_kind: "shcp" | "agency" | "supplier" | "civil_society" | "any"
  /** Whether the role is held within one unit of an agency. */
  unit_scoped: boolean
}

export const ROLES: readonly RoleDefinition[] = [
  {
    code: "shcp_contract_admin",
    label_es: "Administrador del Contrato Marco (SHCP)",
    label_en: "Master Contract Administrator (SHCP)",
    actor_type: "user",
    organization_kind: "shcp",
    unit_scoped: false,
  },
  {
    code: "shcp_planning",
    label_es: "Servidor público de planeación (SHCP)",
    label_en: "Planning official (SHCP)",
    actor_type: "user",
    organization_kind: "shcp",
    unit_scoped: false,
  },
  {
    code: "system_admin",
    label_es: "Administrador del sistema",
    label_en: "System administrator",
    actor_type: "user",
    organization_kind: "shcp",
    unit_scoped: false,
  },
  {
    code: "requiring_unit",
    label_es: "Área Requirente",
    label_en: "Requiring Unit",
    actor_type: "customer",
    organization_kind: "agency",
    unit_scoped: true,
  },
  {
    code: "purchasing_unit",
    label_es: "Unidad Compradora",
    label_en: "Purchasing Unit",
    actor_type: "customer",
    organization_kind: "agency",
    unit_scoped: true,
  },
  {
    code: "purchasing_operator",
    label_es: "Operador de la Unidad Compradora",
    label_en: "Purchasing Unit Operator",
    actor_type: "customer",
    organization_kind: "agency",
    unit_scoped: true,
  },
  {
    code: "budget",
    label_es: "Área de Presupuesto",
    label_en: "Budget",
    actor_type: "customer",
    organization_kind: "agency",
    unit_scoped: true,
  },
  {
    code: "contract_admin",
    label_es: "Administrador del Contrato",
    label_en: "Contract Administrator",
    actor_type: "customer",
    organization_kind: "agency",
    unit_scoped: true,
  },
  {
    code: "reception_manager",
    label_es: "Responsable de Recepción",
    label_en: "Reception Manager",
    actor_type: "customer",
    organization_kind: "agency",
    unit_scoped: true,
  },
  {
    code: "payment_typist",
    label_es: "Capturista de Solicitud de Pago",
    label_en: "Payment Request Typist",
    actor_type: "customer",
    organization_kind: "agency",
    unit_scoped: true,
  },
  {
    code: "supplier_user",
    label_es: "Usuario de proveedor",
    label_en: "Supplier user",
    actor_type: "supplier",
    organization_kind: "supplier",
    unit_scoped: false,
  },
  {
    code: "observer",
    label_es: "Testigo social",
    label_en: "Observer (social witness)",
    actor_type: "observer",
    organization_kind: "any",
    unit_scoped: false,
  },
  {
    code: "auditor",
    label_es: "Auditor",
    label_en: "Auditor",
    actor_type: "auditor",
    organization_kind: "any",
    unit_scoped: false,
  },
]

export const ROLE_CODES = ROLES.map((r) => r.code)

export function getRole(code: string): RoleDefinition | undefined {
  return ROLES.find((r) => r.code === code)
}
