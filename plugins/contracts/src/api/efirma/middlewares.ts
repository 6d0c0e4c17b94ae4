import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorize, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import {
  AdminListEfirmaCertificates,
  ListOwnEfirmaCertificates,
  RegisterEfirmaCertificate,
  RevokeEfirmaCertificate,
  VerifyEfirmaSignature,
} from "./validators"

/** Who signs with e.firma, and under which route prefix. */
const SIGNERS = [
  { prefix: "/store", actor: "customer" as const },
  { prefix: "/supplier", actor: "supplier" as const },
  { prefix: "/admin", actor: "user" as const },
]

/**
 * Self-service routes (each person sees and registers only their own
 * certificates: handlers scope everything to req.access.person_id) and the
 * system administrator's registry routes.
 */
export const efirmaMiddlewares: MiddlewareRoute[] = [
  ...SIGNERS.flatMap(({ prefix, actor }) => {
    const own = authorize({ actors: [actor], permission: P.EFIRMA_MANAGE_OWN })
    return [
      {
        method: ["GET"],
        matcher: `${prefix}/me/efirma/certificates`,
        middlewares: [...own, validateQuery(ListOwnEfirmaCertificates)],
      },
      {
        method: ["POST"],
        matcher: `${prefix}/me/efirma/certificates`,
        middlewares: [...own, validateBody(RegisterEfirmaCertificate)],
      },
      {
        method: ["POST"],
        matcher: `${prefix}/me/efirma/certificates/:id/revoke`,
        middlewares: [...own, validateBody(RevokeEfirmaCertificate)],
      },
      {
        method: ["POST"],
        matcher: `${prefix}/me/efirma/verify`,
        middlewares: [...own, validateBody(VerifyEfirmaSignature)],
      },
    ] as MiddlewareRoute[]
  }),
  {
    method: ["GET"],
    matcher: "/admin/efirma/certificates",
    middlewares: [...authorize({ actors: ["user"], permission: P.EFIRMA_ADMINISTER }), validateQuery(AdminListEfirmaCertificates)],
  },
  {
    method: ["POST"],
    matcher: "/admin/efirma/certificates/:id/revoke",
    middlewares: [...authorize({ actors: ["user"], permission: P.EFIRMA_ADMINISTER }), validateBody(RevokeEfirmaCertificate)],
  },
]
