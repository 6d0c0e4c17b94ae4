import { OwnResourcesProvider } from "./own-resources"
import { SicopSiaffProvider } from "./sicop-siaff"
import type { BudgetProvider, BudgetProviderKind, BudgetProviderOptions } from "./types"

export * from "./types"
export { OwnResourcesProvider, SicopSiaffProvider }

/** The provider of a budget key (`budget_key.provider` is the configuration). */
export function createBudgetProvider(
  kind: BudgetProviderKind,
  options: BudgetProviderOptions,
  logger?: { warn: (m: string) => void },
): BudgetProvider {
  return kind === "sicop_siaff" ? new SicopSiaffProvider(options, logger) : new OwnResourcesProvider()
}
