import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorize, idempotent, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { listSpecificContractsQueryConfig } from "./query-config"
import {
  AdminListSpecificContracts,
  CancelSpecificContract,
  CreateContractAmendment,
  CreateContractTemplate,
  ListContractTemplates,
  ListSpecificContracts,
  SignSpecificContract,
} from "./validators"

const agency = (permission: (typeof P)[keyof typeof P]) => authorize({ actors: ["customer"], permission })
const supplier = (permission: (typeof P)[keyof typeof P]) => authorize({ actors: ["supplier"], permission })
const shcp = (permission: (typeof P)[keyof typeof P]) => authorize({ actors: ["user"], permission })

/**
 * Specific contracts: the agency side under /store, the supplier side under
 * /supplier, SHCP under /admin. Every route is role-authorized here and
 * scoped to the caller's organization in its handler.
 */
export const specificContractMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/specific-contracts",
    middlewares: [...agency(P.SPECIFIC_CONTRACTS_READ), validateQuery(ListSpecificContracts, listSpecificContractsQueryConfig)],
  },
  // refused with CONTRATO_SOLO_DESDE_REQUISICION: contracts are generated from an approved requisition
  { method: ["POST"], matcher: "/store/specific-contracts", middlewares: [...agency(P.SPECIFIC_CONTRACTS_CREATE)] },
  { method: ["GET"], matcher: "/store/specific-contracts/:id", middlewares: [...agency(P.SPECIFIC_CONTRACTS_READ)] },
  { method: ["GET"], matcher: "/store/specific-contracts/:id/html", middlewares: [...agency(P.SPECIFIC_CONTRACTS_READ)] },
  { method: ["GET"], matcher: "/store/specific-contracts/:id/pdf", middlewares: [...agency(P.SPECIFIC_CONTRACTS_READ)] },
  {
    method: ["POST"],
    matcher: "/store/specific-contracts/:id/sign",
    middlewares: [...agency(P.CONTRACTS_SIGN_AGENCY), idempotent(), validateBody(SignSpecificContract)],
  },
  {
    method: ["POST"],
    matcher: "/store/specific-contracts/:id/amendments",
    middlewares: [...agency(P.CONTRACTS_ADMINISTER), validateBody(CreateContractAmendment)],
  },
  {
    method: ["POST"],
    matcher: "/store/specific-contracts/:id/cancel",
    middlewares: [...agency(P.SPECIFIC_CONTRACTS_CREATE), validateBody(CancelSpecificContract)],
  },

  {
    method: ["GET"],
    matcher: "/supplier/specific-contracts",
    middlewares: [...supplier(P.SPECIFIC_CONTRACTS_READ), validateQuery(ListSpecificContracts, listSpecificContractsQueryConfig)],
  },
  { method: ["GET"], matcher: "/supplier/specific-contracts/:id", middlewares: [...supplier(P.SPECIFIC_CONTRACTS_READ)] },
  { method: ["GET"], matcher: "/supplier/specific-contracts/:id/html", middlewares: [...supplier(P.SPECIFIC_CONTRACTS_READ)] },
  { method: ["GET"], matcher: "/supplier/specific-contracts/:id/pdf", middlewares: [...supplier(P.SPECIFIC_CONTRACTS_READ)] },
  {
    method: ["POST"],
    matcher: "/supplier/specific-contracts/:id/sign",
    middlewares: [...supplier(P.CONTRACTS_SIGN_SUPPLIER), idempotent(), validateBody(SignSpecificContract)],
  },

  {
    method: ["GET"],
    matcher: "/admin/specific-contracts",
    middlewares: [...shcp(P.SPECIFIC_CONTRACTS_READ_ALL), validateQuery(AdminListSpecificContracts, listSpecificContractsQueryConfig)],
  },
  { method: ["GET"], matcher: "/admin/specific-contracts/:id", middlewares: [...shcp(P.SPECIFIC_CONTRACTS_READ_ALL)] },
  { method: ["GET"], matcher: "/admin/specific-contracts/:id/html", middlewares: [...shcp(P.SPECIFIC_CONTRACTS_READ_ALL)] },
  { method: ["GET"], matcher: "/admin/specific-contracts/:id/pdf", middlewares: [...shcp(P.SPECIFIC_CONTRACTS_READ_ALL)] },
  {
    method: ["GET"],
    matcher: "/admin/contract-templates",
    middlewares: [...shcp(P.CONTRACT_TEMPLATES_MANAGE), validateQuery(ListContractTemplates)],
  },
  {
    method: ["POST"],
    matcher: "/admin/contract-templates",
    middlewares: [...shcp(P.CONTRACT_TEMPLATES_MANAGE), validateBody(CreateContractTemplate)],
  },
  { method: ["GET"], matcher: "/admin/contract-templates/:id", middlewares: [...shcp(P.CONTRACT_TEMPLATES_MANAGE)] },
]
