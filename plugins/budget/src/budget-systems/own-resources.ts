import type { BudgetProvider, ExternalResult, PaymentStatus } from "./types"

/**
 * The agency's own finance system: our ledger is the source of truth, so
 * there is nothing to call and nothing to undo outside our database.
 */
export class OwnResourcesProvider implements BudgetProvider {
  readonly kind = "own_resources" as const

  async availability(): Promise<string | null> {
    return null
  }

  private async none(): Promise<ExternalResult> {
    return { folio: null }
  }

  reserve = () => this.none()
  commit = () => this.none()
  release = () => this.none()
  accrue = () => this.none()
  requestClc = () => this.none()

  async paymentStatus(): Promise<PaymentStatus> {
    return { status: "desconocida", clave_rastreo: null, paid_at: null }
  }

  async cancel(): Promise<void> {
    return
  }
}
