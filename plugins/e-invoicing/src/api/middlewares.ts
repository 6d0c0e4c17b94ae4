import { defineMiddlewares } from "@medusajs/framework/http"
import { supplierBankAccountMiddlewares } from "./supplier/bank-accounts/middlewares"

export default defineMiddlewares({
  routes: [...supplierBankAccountMiddlewares],
})
