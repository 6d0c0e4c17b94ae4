import { defineMiddlewares } from "@medusajs/framework/http"
import { authorize, idempotent, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { listObserverCompetitionsQueryConfig } from "./observer/competitions/query-config"
import { listStoreCompetitionsQueryConfig } from "./store/competitions/query-config"
import { listSupplierCompetitionsQueryConfig } from "./supplier/competitions/query-config"
import {
  AdminCreateRule,
  AdminListRules,
  Empty,
  SupplierAcceptAward,
  IntegrityDeclaration,
  ListCompetitions,
  Observation,
  StoreAnswer,
  StoreAward,
  StoreCreateCompetition,
  StoreDesert,
  StoreGenerateContracts,
  SupplierAsk,
  SupplierBid,
} from "./validators"

/** The Purchasing Unit conducts competitions of its own agency (scoped in the workflows). */
const purchasing = () => authorize({ actors: ["customer"], permission: P.COMPETITIONS_MANAGE })
/** Supplier users of an invited company bid (the invitation is checked in the workflows). */
const bidder = () => authorize({ actors: ["supplier"], permission: P.BIDS_SUBMIT })
/** Observers (testigos sociales) and auditors watch every procedure, read-only. */
const observer = () => authorize({ actors: ["observer", "auditor"], permission: P.PROCEDURES_OBSERVE })

/** The framework-contract administrator (SHCP) sets each lot's second-stage rules. */
const rulesAdmin = () => authorize({ actors: ["user"], permission: P.FRAMEWORK_CONTRACTS_MANAGE })

export default defineMiddlewares({
  routes: [
    { method: ["GET"], matcher: "/admin/competition-rules", middlewares: [...rulesAdmin(), validateQuery(AdminListRules)] },
    { method: ["POST"], matcher: "/admin/competition-rules", middlewares: [...rulesAdmin(), validateBody(AdminCreateRule)] },
    {
      method: ["GET"],
      matcher: "/store/competitions",
      middlewares: [...purchasing(), validateQuery(ListCompetitions, listStoreCompetitionsQueryConfig)],
    },
    { method: ["POST"], matcher: "/store/competitions", middlewares: [...purchasing(), validateBody(StoreCreateCompetition)] },
    { method: ["GET"], matcher: "/store/competitions/:id", middlewares: [...purchasing()] },
    { method: ["POST"], matcher: "/store/competitions/:id/publish", middlewares: [...purchasing(), validateBody(Empty)] },
    // officials sign the integrity declaration before publishing or awarding
    { method: ["GET"], matcher: "/store/competitions/:id/integrity-declaration", middlewares: [...purchasing()] },
    {
      method: ["POST"],
      matcher: "/store/competitions/:id/integrity-declaration",
      middlewares: [...purchasing(), validateBody(IntegrityDeclaration)],
    },
    { method: ["POST"], matcher: "/store/competitions/:id/award", middlewares: [...purchasing(), validateBody(StoreAward)] },
    // the award's contract: conducting the competition and issuing contracts (as for a requisition's)
    {
      method: ["POST"],
      matcher: "/store/competitions/:id/contracts",
      middlewares: [
        ...authorize({ actors: ["customer"], permission: P.SPECIFIC_CONTRACTS_CREATE }),
        idempotent(),
        validateBody(StoreGenerateContracts),
      ],
    },
    { method: ["POST"], matcher: "/store/competitions/:id/desert", middlewares: [...purchasing(), validateBody(StoreDesert)] },
    {
      method: ["POST"],
      matcher: "/store/competitions/:id/clarifications/:clarification_id/answer",
      middlewares: [...purchasing(), validateBody(StoreAnswer)],
    },
    {
      method: ["GET"],
      matcher: "/supplier/competitions",
      middlewares: [...bidder(), validateQuery(ListCompetitions, listSupplierCompetitionsQueryConfig)],
    },
    { method: ["GET"], matcher: "/supplier/competitions/:id", middlewares: [...bidder()] },
    // each supplier user signs the integrity declaration before bidding
    { method: ["GET"], matcher: "/supplier/competitions/:id/integrity-declaration", middlewares: [...bidder()] },
    {
      method: ["POST"],
      matcher: "/supplier/competitions/:id/integrity-declaration",
      middlewares: [...bidder(), validateBody(IntegrityDeclaration)],
    },
    { method: ["POST"], matcher: "/supplier/competitions/:id/bid", middlewares: [...bidder(), validateBody(SupplierBid)] },
    { method: ["DELETE"], matcher: "/supplier/competitions/:id/bid", middlewares: [...bidder()] },
    { method: ["POST"], matcher: "/supplier/competitions/:id/award/accept", middlewares: [...bidder(), validateBody(SupplierAcceptAward)] },
    { method: ["POST"], matcher: "/supplier/competitions/:id/clarifications", middlewares: [...bidder(), validateBody(SupplierAsk)] },
    {
      method: ["GET"],
      matcher: "/observer/competitions",
      middlewares: [...observer(), validateQuery(ListCompetitions, listObserverCompetitionsQueryConfig)],
    },
    { method: ["GET"], matcher: "/observer/competitions/:id", middlewares: [...observer()] },
    // only observers (testigos sociales) file observations; auditors read
    {
      method: ["POST"],
      matcher: "/observer/competitions/:id/observations",
      middlewares: [...authorize({ actors: ["observer"], permission: P.PROCEDURES_OBSERVE }), validateBody(Observation)],
    },
  ],
})
