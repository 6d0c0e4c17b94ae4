import { defineMiddlewares } from "@medusajs/framework/http"
import { actaMiddlewares } from "./acta/middlewares"
import { deliveryMiddlewares } from "./delivery/middlewares"
import { invoicingMiddlewares } from "./invoicing/middlewares"
import { paymentMiddlewares } from "./payments/middlewares"
import { supplierBankAccountMiddlewares } from "./supplier/bank-accounts/middlewares"

export default defineMiddlewares({
  routes: [...supplierBankAccountMiddlewares, ...deliveryMiddlewares, ...actaMiddlewares, ...invoicingMiddlewares, ...paymentMiddlewares],
})
