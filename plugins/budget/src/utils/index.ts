export * from "./money"
export * from "./errors"
export type { BudgetProviderKind, BudgetProviderOptions } from "../budget-systems/types"
