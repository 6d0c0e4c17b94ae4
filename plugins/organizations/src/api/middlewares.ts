import { defineMiddlewares } from "@medusajs/framework/http"
import { PERMISSIONS as P } from "../access/permissions"
import { authorize } from "../http/authorize"
import { validateBody, validateQuery } from "../http/validate"
import { listAdminOrganizationsQueryConfig, retrieveAdminOrganizationQueryConfig } from "./admin/organizations/query-config"
import {
  AdminCreateOrganization,
  AdminCreatePerson,
  AdminCreateUnits,
  AdminGrantRoles,
  AdminListOrganizations,
  AdminGetOrganization,
  AdminListPeople,
  AdminSetRolePermissions,
  AdminUpdateOrganization,
  AdminUpdatePerson,
  ListDirectory,
  SupplierUpdateContact,
} from "./validators"

const admin = { actors: ["user" as const] }

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/admin/organizations",
      middlewares: [
        ...authorize({ ...admin, permission: P.ORGANIZATIONS_READ }),
        validateQuery(AdminListOrganizations, listAdminOrganizationsQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/organizations",
      middlewares: [...authorize({ ...admin, permission: P.ORGANIZATIONS_MANAGE }), validateBody(AdminCreateOrganization)],
    },
    {
      method: ["GET"],
      matcher: "/admin/organizations/:id",
      middlewares: [
        ...authorize({ ...admin, permission: P.ORGANIZATIONS_READ }),
        validateQuery(AdminGetOrganization, retrieveAdminOrganizationQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/organizations/:id",
      middlewares: [...authorize({ ...admin, permission: P.ORGANIZATIONS_MANAGE }), validateBody(AdminUpdateOrganization)],
    },
    {
      method: ["POST"],
      matcher: "/admin/organizations/:id/units",
      middlewares: [...authorize({ ...admin, permission: P.ORGANIZATIONS_MANAGE }), validateBody(AdminCreateUnits)],
    },
    {
      method: ["GET"],
      matcher: "/admin/people",
      middlewares: [...authorize({ ...admin, permission: P.ORGANIZATIONS_READ }), validateQuery(AdminListPeople)],
    },
    {
      method: ["POST"],
      matcher: "/admin/people",
      middlewares: [...authorize({ ...admin, permission: P.PEOPLE_MANAGE }), validateBody(AdminCreatePerson)],
    },
    {
      method: ["POST"],
      matcher: "/admin/people/:id",
      middlewares: [...authorize({ ...admin, permission: P.PEOPLE_MANAGE }), validateBody(AdminUpdatePerson)],
    },
    {
      method: ["POST"],
      matcher: "/admin/people/:id/role-assignments",
      middlewares: [...authorize({ ...admin, permission: P.PEOPLE_MANAGE }), validateBody(AdminGrantRoles)],
    },
    {
      method: ["DELETE"],
      matcher: "/admin/role-assignments/:id",
      middlewares: [...authorize({ ...admin, permission: P.PEOPLE_MANAGE })],
    },
    {
      method: ["GET"],
      matcher: "/admin/role-permissions",
      middlewares: [...authorize({ ...admin, permission: P.OWN_PROFILE_READ })],
    },
    {
      method: ["POST"],
      matcher: "/admin/role-permissions/:role",
      middlewares: [...authorize({ ...admin, permission: P.ROLE_PERMISSIONS_MANAGE }), validateBody(AdminSetRolePermissions)],
    },
    {
      method: ["GET"],
      matcher: "/store/me",
      middlewares: [...authorize({ actors: ["customer"], permission: P.OWN_PROFILE_READ })],
    },
    {
      method: ["GET"],
      matcher: "/store/organization",
      middlewares: [...authorize({ actors: ["customer"], permission: P.OWN_ORGANIZATION_READ })],
    },
    {
      method: ["GET"],
      matcher: "/store/organization/people",
      middlewares: [...authorize({ actors: ["customer"], permission: P.AGENCY_DIRECTORY_READ }), validateQuery(ListDirectory)],
    },
    {
      method: ["GET"],
      matcher: "/supplier/me",
      middlewares: [...authorize({ actors: ["supplier"], permission: P.OWN_PROFILE_READ })],
    },
    {
      method: ["POST"],
      matcher: "/supplier/me",
      middlewares: [...authorize({ actors: ["supplier"], permission: P.SUPPLIER_PROFILE_MANAGE }), validateBody(SupplierUpdateContact)],
    },
    {
      method: ["GET"],
      matcher: "/observer/me",
      middlewares: [...authorize({ actors: ["observer"], permission: P.OWN_PROFILE_READ })],
    },
    {
      method: ["GET"],
      matcher: "/auditor/me",
      middlewares: [...authorize({ actors: ["auditor"], permission: P.OWN_PROFILE_READ })],
    },
    {
      method: ["GET"],
      matcher: "/auditor/organizations",
      middlewares: [
        ...authorize({ actors: ["auditor"], permission: P.AUDIT_DIRECTORY_READ }),
        validateQuery(AdminListOrganizations, listAdminOrganizationsQueryConfig),
      ],
    },
  ],
})
