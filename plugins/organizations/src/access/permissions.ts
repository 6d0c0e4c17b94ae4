import type { RoleCode } from "./roles"

/**
 * Permission codes, `<resource>:<action>`. Each plugin adds the permissions of
 * its capability here so the matrix stays in one place.
 */
export const PERMISSIONS = {
  // identity and access
  ORGANIZATIONS_READ: "organizations:read",
  ORGANIZATIONS_MANAGE: "organizations:manage",
  PEOPLE_MANAGE: "people:manage",
  ROLE_PERMISSIONS_MANAGE: "role_permissions:manage",
  OPERATIONS_READ: "operations:read",
  OWN_PROFILE_READ: "profile:read",
  OWN_ORGANIZATION_READ: "own_organization:read",
  AGENCY_DIRECTORY_READ: "agency_directory:read",
  SUPPLIER_PROFILE_MANAGE: "supplier_profile:manage",
  AUDIT_DIRECTORY_READ: "audit_directory:read",
  // framework contracts and catalog
  CLASSIFIER_MANAGE: "classifier:manage",
  FRAMEWORK_CONTRACTS_MANAGE: "framework_contracts:manage",
  OFFERS_REVIEW: "offers:review",
  OFFERS_SUBMIT: "offers:submit",
  SANCTIONS_MANAGE: "sanctions:manage",
  CATALOG_BROWSE: "catalog:browse",
  // requisitions and budget
  REQUISITIONS_CREATE: "requisitions:create",
  REQUISITIONS_APPROVE: "requisitions:approve",
  REQUISITIONS_APPROVE_UNIT: "requisitions:approve_unit",
  REQUISITIONS_READ_ALL: "requisitions:read_all",
  APPROVAL_POLICIES_MANAGE: "approval_policies:manage",
  BUDGET_READ: "budget:read",
  BUDGET_LEDGER_READ: "budget_ledger:read",
  BUDGET_RESERVE: "budget:reserve",
  BUDGET_READ_ALL: "budget:read_all",
  // contracts, reception, payment
  CONTRACTS_SIGN_AGENCY: "contracts:sign_agency",
  CONTRACTS_SIGN_SUPPLIER: "contracts:sign_supplier",
  CONTRACTS_ADMINISTER: "contracts:administer",
  SPECIFIC_CONTRACTS_CREATE: "specific_contracts:create",
  SPECIFIC_CONTRACTS_READ: "specific_contracts:read",
  SPECIFIC_CONTRACTS_READ_ALL: "specific_contracts:read_all",
  CONTRACT_TEMPLATES_MANAGE: "contract_templates:manage",
  RECEPTION_RECORD: "reception:record",
  PAYMENT_REQUESTS_CREATE: "payment_requests:create",
  PAYMENT_REQUESTS_AUTHORIZE: "payment_requests:authorize",
  // second-stage mini-competition
  COMPETITIONS_MANAGE: "competitions:manage",
  BIDS_SUBMIT: "bids:submit",
  // oversight
  PROCEDURES_OBSERVE: "procedures:observe",
  AUDIT_LEDGER_READ: "audit_ledger:read",
  // e.firma
  EFIRMA_MANAGE_OWN: "efirma:manage_own",
  EFIRMA_ADMINISTER: "efirma:administer",
} as const

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS]

const P = PERMISSIONS

const AGENCY_BASE: Permission[] = [P.OWN_PROFILE_READ, P.EFIRMA_MANAGE_OWN, P.OWN_ORGANIZATION_READ, P.CATALOG_BROWSE]

/**
 * The default role-permission matrix, loaded into `role_permission` when the
 * table is empty. Segregation of duties: nobody both buys and audits, the
 * system administrator manages identities but takes no procurement decision.
 */
export const DEFAULT_ROLE_PERMISSIONS: Record<RoleCode, Permission[]> = {
  shcp_contract_admin: [
    P.OWN_PROFILE_READ,
    P.REQUISITIONS_READ_ALL,
    P.EFIRMA_MANAGE_OWN,
    P.ORGANIZATIONS_READ,
    P.FRAMEWORK_CONTRACTS_MANAGE,
    P.OFFERS_REVIEW,
    P.SANCTIONS_MANAGE,
    P.SPECIFIC_CONTRACTS_READ_ALL,
    P.CONTRACT_TEMPLATES_MANAGE,
    P.CATALOG_BROWSE,
  ],
  shcp_planning: [P.OWN_PROFILE_READ, P.EFIRMA_MANAGE_OWN, P.ORGANIZATIONS_READ, P.BUDGET_READ_ALL, P.CLASSIFIER_MANAGE, P.CATALOG_BROWSE],
  system_admin: [
    P.OWN_PROFILE_READ,
    P.EFIRMA_MANAGE_OWN,
    P.EFIRMA_ADMINISTER,
    P.ORGANIZATIONS_READ,
    P.ORGANIZATIONS_MANAGE,
    P.PEOPLE_MANAGE,
    P.ROLE_PERMISSIONS_MANAGE,
    P.OPERATIONS_READ,
  ],
  requiring_unit: [
    ...AGENCY_BASE,
    P.AGENCY_DIRECTORY_READ,
    P.REQUISITIONS_CREATE,
    // the head of the requiring unit approves its own unit's requisitions (never their own)
    P.REQUISITIONS_APPROVE_UNIT,
    P.BUDGET_READ,
    P.BUDGET_RESERVE,
  ],
  purchasing_unit: [
    ...AGENCY_BASE,
    P.AGENCY_DIRECTORY_READ,
    P.REQUISITIONS_APPROVE,
    P.APPROVAL_POLICIES_MANAGE,
    P.BUDGET_READ,
    P.CONTRACTS_SIGN_AGENCY,
    P.SPECIFIC_CONTRACTS_CREATE,
    P.SPECIFIC_CONTRACTS_READ,
    P.COMPETITIONS_MANAGE,
  ],
  purchasing_operator: [...AGENCY_BASE, P.REQUISITIONS_CREATE, P.BUDGET_READ, P.BUDGET_RESERVE, P.SPECIFIC_CONTRACTS_READ],
  budget: [
    ...AGENCY_BASE,
    P.AGENCY_DIRECTORY_READ,
    P.REQUISITIONS_APPROVE,
    P.BUDGET_READ,
    P.BUDGET_LEDGER_READ,
    P.BUDGET_RESERVE,
    // the budget area authorises what the Payment Request Typist captured (segregation of duties)
    P.PAYMENT_REQUESTS_AUTHORIZE,
  ],
  contract_admin: [...AGENCY_BASE, P.AGENCY_DIRECTORY_READ, P.CONTRACTS_ADMINISTER, P.SPECIFIC_CONTRACTS_READ],
  reception_manager: [...AGENCY_BASE, P.RECEPTION_RECORD],
  payment_typist: [...AGENCY_BASE, P.PAYMENT_REQUESTS_CREATE],
  supplier_user: [
    P.OWN_PROFILE_READ,
    P.EFIRMA_MANAGE_OWN,
    P.OWN_ORGANIZATION_READ,
    P.SUPPLIER_PROFILE_MANAGE,
    P.OFFERS_SUBMIT,
    P.CONTRACTS_SIGN_SUPPLIER,
    P.SPECIFIC_CONTRACTS_READ,
    P.BIDS_SUBMIT,
  ],
  observer: [P.OWN_PROFILE_READ, P.PROCEDURES_OBSERVE],
  auditor: [P.OWN_PROFILE_READ, P.AUDIT_DIRECTORY_READ, P.AUDIT_LEDGER_READ, P.PROCEDURES_OBSERVE],
}
