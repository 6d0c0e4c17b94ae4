import { Module } from "@medusajs/framework/utils"
import BudgetModuleService from "./service"

export const BUDGET_MODULE = "budget"

export default Module(BUDGET_MODULE, {
  service: BudgetModuleService,
})

export { BudgetModuleService }
