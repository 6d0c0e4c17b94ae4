import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { BudgetPaymentProviderService } from "./service"

/** Payment module provider `pp_budget_<id>` (registered with id "budget" → `pp_budget_budget`). */
export default ModuleProvider(Modules.PAYMENT, {
  services: [BudgetPaymentProviderService],
})

export { BudgetPaymentProviderService }
export * from "./data"
