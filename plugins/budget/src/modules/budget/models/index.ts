export { default as BudgetKey } from "./budget-key"
export { default as BudgetMovement } from "./budget-movement"
export * from "./budget-movement"
