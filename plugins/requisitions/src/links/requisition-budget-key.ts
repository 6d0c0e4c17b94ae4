import { defineLink } from "@medusajs/framework/utils"
import BudgetModule from "@tienda/budget/modules/budget"
import RequisitionModule from "../modules/requisition"

/**
 * The budget key a requisition reserves against. Read-only (no link table):
 * the id stays in `requisition.budget_key_id`, as Medusa's cart keeps
 * `customer_id` (docs/adr/0013-module-links.md).
 */
export default defineLink({ linkable: RequisitionModule.linkable.requisition, field: "budget_key_id" }, BudgetModule.linkable.budgetKey, {
  readOnly: true,
})
