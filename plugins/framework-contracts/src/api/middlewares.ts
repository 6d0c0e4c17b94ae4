import { defineMiddlewares } from "@medusajs/framework/http"
import { authorize, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { listAdminFrameworkContractsQueryConfig } from "./admin/framework-contracts/query-config"
import {
  AdminChangeStatus,
  AdminCreateFrameworkContract,
  AdminCreateSanctions,
  AdminEnrolSuppliers,
  AdminEnrolUnits,
  AdminGetContract,
  AdminImportCsv,
  AdminListClassifier,
  AdminListContracts,
  AdminListOfferRequests,
  AdminReviewOfferRequest,
  AdminSetCrosswalk,
  Empty,
  StoreListItems,
  SupplierSubmitOfferRequest,
} from "./validators"

const user = ["user" as const]
const supplier = ["supplier" as const]
const customer = ["customer" as const]

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/admin/classifier",
      middlewares: [...authorize({ actors: user, permission: P.CATALOG_BROWSE }), validateQuery(AdminListClassifier)],
    },
    {
      method: ["POST"],
      matcher: "/admin/classifier/import",
      middlewares: [...authorize({ actors: user, permission: P.CLASSIFIER_MANAGE }), validateBody(AdminImportCsv)],
      bodyParser: { sizeLimit: "25mb" },
    },
    {
      method: ["POST"],
      matcher: "/admin/classifier/crosswalk",
      middlewares: [...authorize({ actors: user, permission: P.CLASSIFIER_MANAGE }), validateBody(AdminSetCrosswalk)],
    },
    {
      method: ["GET"],
      matcher: "/admin/framework-contracts",
      middlewares: [
        ...authorize({ actors: user, permission: P.CATALOG_BROWSE }),
        validateQuery(AdminListContracts, listAdminFrameworkContractsQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/framework-contracts",
      middlewares: [...authorize({ actors: user, permission: P.FRAMEWORK_CONTRACTS_MANAGE }), validateBody(AdminCreateFrameworkContract)],
      bodyParser: { sizeLimit: "10mb" },
    },
    {
      method: ["GET"],
      matcher: "/admin/framework-contracts/:id",
      middlewares: [...authorize({ actors: user, permission: P.CATALOG_BROWSE }), validateQuery(AdminGetContract)],
    },
    {
      method: ["POST"],
      matcher: "/admin/framework-contracts/:id/status",
      middlewares: [...authorize({ actors: user, permission: P.FRAMEWORK_CONTRACTS_MANAGE }), validateBody(AdminChangeStatus)],
    },
    {
      method: ["POST"],
      matcher: "/admin/framework-contracts/:id/suppliers",
      middlewares: [...authorize({ actors: user, permission: P.FRAMEWORK_CONTRACTS_MANAGE }), validateBody(AdminEnrolSuppliers)],
    },
    {
      method: ["POST"],
      matcher: "/admin/framework-contracts/:id/units",
      middlewares: [...authorize({ actors: user, permission: P.FRAMEWORK_CONTRACTS_MANAGE }), validateBody(AdminEnrolUnits)],
    },
    {
      method: ["GET"],
      matcher: "/admin/offer-requests",
      middlewares: [...authorize({ actors: user, permission: P.OFFERS_REVIEW }), validateQuery(AdminListOfferRequests)],
    },
    {
      method: ["POST"],
      matcher: "/admin/offer-requests/:id/review",
      middlewares: [...authorize({ actors: user, permission: P.OFFERS_REVIEW }), validateBody(AdminReviewOfferRequest)],
    },
    { method: ["GET"], matcher: "/admin/sanctions", middlewares: [...authorize({ actors: user, permission: P.SANCTIONS_MANAGE })] },
    {
      method: ["POST"],
      matcher: "/admin/sanctions",
      middlewares: [...authorize({ actors: user, permission: P.SANCTIONS_MANAGE }), validateBody(AdminCreateSanctions)],
    },
    {
      method: ["POST"],
      matcher: "/admin/sanctions/import",
      middlewares: [...authorize({ actors: user, permission: P.SANCTIONS_MANAGE }), validateBody(AdminImportCsv)],
      bodyParser: { sizeLimit: "25mb" },
    },
    {
      method: ["GET"],
      matcher: "/supplier/framework-contracts",
      middlewares: [...authorize({ actors: supplier, permission: P.OFFERS_SUBMIT })],
    },
    { method: ["GET"], matcher: "/supplier/offers", middlewares: [...authorize({ actors: supplier, permission: P.OFFERS_SUBMIT })] },
    {
      method: ["GET"],
      matcher: "/supplier/offer-requests",
      middlewares: [...authorize({ actors: supplier, permission: P.OFFERS_SUBMIT }), validateQuery(Empty)],
    },
    {
      method: ["POST"],
      matcher: "/supplier/offer-requests",
      middlewares: [...authorize({ actors: supplier, permission: P.OFFERS_SUBMIT }), validateBody(SupplierSubmitOfferRequest)],
    },
    {
      method: ["GET"],
      matcher: "/store/catalog/classifier",
      middlewares: [...authorize({ actors: customer, permission: P.CATALOG_BROWSE })],
    },
    {
      method: ["GET"],
      matcher: "/store/catalog/items",
      middlewares: [...authorize({ actors: customer, permission: P.CATALOG_BROWSE }), validateQuery(StoreListItems)],
    },
    {
      method: ["GET"],
      matcher: "/store/catalog/items/:id",
      middlewares: [...authorize({ actors: customer, permission: P.CATALOG_BROWSE })],
    },
  ],
})
