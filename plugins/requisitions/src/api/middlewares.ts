import { defineMiddlewares } from "@medusajs/framework/http"
import { authorize, idempotent, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { listAdminRequisitionsQueryConfig } from "./admin/requisitions/query-config"
import { listStoreRequisitionsQueryConfig, retrieveStoreRequisitionQueryConfig } from "./store/requisitions/query-config"
import {
  Empty,
  StoreCreateDelegation,
  StoreCreateRequisition,
  StoreDecide,
  StoreEditRequisition,
  StoreGenerateContracts,
  StoreInbox,
  StoreListRequisitions,
  StoreGetRequisition,
  StoreRevokeDelegation,
  StoreSetPolicy,
  StoreWithdraw,
  SupplierAcknowledge,
} from "./validators"

const customer = ["customer" as const]
const user = ["user" as const]
const supplier = ["supplier" as const]

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/store/requisitions",
      middlewares: [
        ...authorize({ actors: customer, permission: P.REQUISITIONS_CREATE }),
        validateQuery(StoreListRequisitions, listStoreRequisitionsQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/store/requisitions",
      middlewares: [
        ...authorize({ actors: customer, permission: P.REQUISITIONS_CREATE }),
        idempotent(),
        validateBody(StoreCreateRequisition),
      ],
    },
    {
      method: ["GET"],
      matcher: "/store/requisitions/inbox",
      middlewares: [...authorize({ actors: customer, permission: P.OWN_ORGANIZATION_READ }), validateQuery(StoreInbox)],
    },
    {
      method: ["GET"],
      matcher: "/store/requisitions/:id",
      middlewares: [
        ...authorize({ actors: customer, permission: P.OWN_ORGANIZATION_READ }),
        validateQuery(StoreGetRequisition, retrieveStoreRequisitionQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/store/requisitions/:id",
      middlewares: [...authorize({ actors: customer, permission: P.REQUISITIONS_CREATE }), validateBody(StoreEditRequisition)],
    },
    {
      method: ["POST"],
      matcher: "/store/requisitions/:id/submit",
      middlewares: [...authorize({ actors: customer, permission: P.REQUISITIONS_CREATE }), idempotent(), validateBody(Empty)],
    },
    {
      method: ["POST"],
      matcher: "/store/requisitions/:id/contracts",
      middlewares: [
        ...authorize({ actors: customer, permission: P.SPECIFIC_CONTRACTS_CREATE }),
        idempotent(),
        validateBody(StoreGenerateContracts),
      ],
    },
    // a sanctioned or un-enrolled supplier's unsigned contract → the next eligible supplier (reservation kept)
    {
      method: ["POST"],
      matcher: "/store/requisitions/:id/contracts/:contract_id/reroute",
      middlewares: [...authorize({ actors: customer, permission: P.SPECIFIC_CONTRACTS_CREATE }), idempotent(), validateBody(Empty)],
    },
    {
      method: ["POST"],
      matcher: "/store/requisitions/:id/withdraw",
      middlewares: [...authorize({ actors: customer, permission: P.REQUISITIONS_CREATE }), idempotent(), validateBody(StoreWithdraw)],
    },
    // who may decide which step is checked in the workflow (role, unit, delegation, escalation)
    {
      method: ["POST"],
      matcher: "/store/requisitions/:id/decisions",
      middlewares: [...authorize({ actors: customer, permission: P.OWN_ORGANIZATION_READ }), idempotent(), validateBody(StoreDecide)],
    },
    {
      method: ["GET"],
      matcher: "/store/delegations",
      middlewares: [...authorize({ actors: customer, permission: P.REQUISITIONS_APPROVE })],
    },
    {
      method: ["POST"],
      matcher: "/store/delegations",
      middlewares: [...authorize({ actors: customer, permission: P.REQUISITIONS_APPROVE }), validateBody(StoreCreateDelegation)],
    },
    // only the delegator revokes (checked in the workflow); a person who lost the role can still revoke
    {
      method: ["POST"],
      matcher: "/store/delegations/:id/revoke",
      middlewares: [
        ...authorize({ actors: customer, permission: P.OWN_ORGANIZATION_READ }),
        idempotent(),
        validateBody(StoreRevokeDelegation),
      ],
    },
    {
      method: ["GET"],
      matcher: "/store/approval-policy",
      middlewares: [...authorize({ actors: customer, permission: P.OWN_ORGANIZATION_READ })],
    },
    {
      method: ["POST"],
      matcher: "/store/approval-policy",
      middlewares: [...authorize({ actors: customer, permission: P.APPROVAL_POLICIES_MANAGE }), validateBody(StoreSetPolicy)],
    },
    // the supplier's side of the orders its contracts released (scoped to its organization in the handlers)
    {
      method: ["GET"],
      matcher: "/supplier/orders",
      middlewares: [...authorize({ actors: supplier, permission: P.SPECIFIC_CONTRACTS_READ })],
    },
    {
      method: ["GET"],
      matcher: "/supplier/orders/:id",
      middlewares: [...authorize({ actors: supplier, permission: P.SPECIFIC_CONTRACTS_READ })],
    },
    {
      method: ["POST"],
      matcher: "/supplier/orders/:id/acknowledge",
      middlewares: [
        ...authorize({ actors: supplier, permission: P.CONTRACTS_SIGN_SUPPLIER }),
        idempotent(),
        validateBody(SupplierAcknowledge),
      ],
    },
    {
      method: ["GET"],
      matcher: "/admin/requisitions",
      middlewares: [
        ...authorize({ actors: user, permission: P.REQUISITIONS_READ_ALL }),
        validateQuery(StoreListRequisitions, listAdminRequisitionsQueryConfig),
      ],
    },
    {
      method: ["GET"],
      matcher: "/admin/approval-policies",
      middlewares: [...authorize({ actors: user, permission: P.REQUISITIONS_READ_ALL })],
    },
  ],
})
