import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorize, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { SupplierBankAccountSigningPayload, SupplierListBankAccounts, SupplierRegisterBankAccount } from "./validators"

/** Only supplier users who manage their company's profile see or change its bank accounts. */
const supplierProfile = () => authorize({ actors: ["supplier"], permission: P.SUPPLIER_PROFILE_MANAGE })

export const supplierBankAccountMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/supplier/bank-accounts", middlewares: [...supplierProfile(), validateQuery(SupplierListBankAccounts)] },
  { method: ["POST"], matcher: "/supplier/bank-accounts", middlewares: [...supplierProfile(), validateBody(SupplierRegisterBankAccount)] },
  {
    method: ["GET"],
    matcher: "/supplier/bank-accounts/signing-payload",
    middlewares: [...supplierProfile(), validateQuery(SupplierBankAccountSigningPayload)],
  },
  { method: ["GET"], matcher: "/supplier/bank-accounts/:id", middlewares: [...supplierProfile()] },
]
