import type { Permission } from "./permissions"
import type { ActorType } from "./roles"

export const ACTOR_LABELS_ES: Record<ActorType, string> = {
  user: "personal de la SHCP",
  customer: "personal de dependencia o entidad",
  supplier: "proveedor",
  observer: "testigo social",
  auditor: "auditor",
}

export const PERMISSION_LABELS_ES: Record<Permission, string> = {
  "organizations:read": "consultar organizaciones",
  "organizations:manage": "administrar organizaciones y unidades",
  "people:manage": "administrar personas y roles",
  "role_permissions:manage": "administrar la matriz de roles y permisos",
  "operations:read": "consultar la operación del sistema",
  "profile:read": "consultar su perfil",
  "own_organization:read": "consultar su organización",
  "agency_directory:read": "consultar el directorio de su dependencia",
  "supplier_profile:manage": "actualizar los datos del proveedor",
  "audit_directory:read": "consultar el directorio para auditoría",
  "classifier:manage": "administrar el clasificador UNSPSC",
  "framework_contracts:manage": "administrar contratos marco",
  "offers:review": "revisar solicitudes de ofertas",
  "offers:submit": "presentar ofertas",
  "sanctions:manage": "administrar el registro de sanciones",
  "catalog:browse": "consultar el catálogo",
  "requisitions:create": "crear requisiciones",
  "requisitions:approve": "aprobar requisiciones",
  "budget:read": "consultar el presupuesto disponible",
  "budget_ledger:read": "consultar el libro de movimientos presupuestales",
  "budget:reserve": "reservar presupuesto para una requisición",
  "budget:read_all": "consultar las claves presupuestales de todas las dependencias",
  "contracts:sign_agency": "firmar contratos por la dependencia",
  "contracts:sign_supplier": "firmar contratos por el proveedor",
  "contracts:administer": "administrar contratos específicos",
  "reception:record": "registrar la recepción de bienes",
  "payment_requests:create": "capturar solicitudes de pago",
  "procedures:observe": "observar procedimientos",
  "audit_ledger:read": "consultar la bitácora de auditoría",
}
