import { defineMiddlewares } from "@medusajs/framework/http"
import { authorize, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { efirmaMiddlewares } from "./efirma/middlewares"
import { specificContractMiddlewares } from "./specific-contracts/middlewares"
import { AuditorExport, AuditorListEntries, PublicListCheckpoints } from "./validators"

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/public/audit/checkpoints",
      middlewares: [validateQuery(PublicListCheckpoints)],
    },
    {
      method: ["GET"],
      matcher: "/auditor/audit/entries",
      middlewares: [...authorize({ actors: ["auditor"], permission: P.AUDIT_LEDGER_READ }), validateQuery(AuditorListEntries)],
    },
    {
      method: ["GET"],
      matcher: "/auditor/audit/export",
      middlewares: [...authorize({ actors: ["auditor"], permission: P.AUDIT_LEDGER_READ }), validateQuery(AuditorExport)],
    },
    ...efirmaMiddlewares,
    ...specificContractMiddlewares,
  ],
})
