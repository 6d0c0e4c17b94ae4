export type BudgetProviderKind = "own_resources" | "sicop_siaff"

/** Plugin options (medusa-config.ts), passed to the budget module. */
export type BudgetProviderOptions = {
  /** Base URL of SICOP/SIAFF (the simulator in development). */
  sicopSiaffUrl?: string
  /** Per-attempt timeout of an external call, in ms. */
  timeoutMs?: number
  /** Attempts on 5xx, timeouts and network errors (same idempotency key). */
  attempts?: number
  /** First backoff delay in ms; doubles each attempt, with jitter. */
  backoffMs?: number
  /** Sent as `X-Fault` on every call (fault-injection tests and benchmarks only). */
  faultHeader?: string
  /** Shared token of the simulator (`Authorization: Bearer …`); `npm start` sets SIMULATOR_TOKEN. */
  token?: string
}

/** One operation in the external system, identified by its idempotency key. */
export type ExternalOperation = {
  idempotency_key: string
  clave: string
  amount: string
  /** Idempotency key of the external operation this one draws from. */
  origin_key?: string | null
  reference_type: string
  reference_id: string
}

export type ExternalResult = {
  /** Folio in the external system, null when there is none (own resources). */
  folio: string | null
  status?: string
}

/** A deduction the CLC withholds from the beneficiary (e.g. the pena convencional, LAASSP art. 53). */
export type ClcDeduction = { type: string; amount: string; reference?: string | null }

/** What a CLC carries besides the operation: the beneficiary and, when something is withheld, the net and the deductions. */
export type ClcPayee = {
  beneficiary_rfc?: string | null
  beneficiary_clabe?: string | null
  /** Paid to the beneficiary: amount − the deductions (null: nothing withheld). */
  net_amount?: string | null
  deductions?: ClcDeduction[] | null
}

export type PaymentStatus = {
  status: "emitida" | "pagada" | "cancelada" | "desconocida"
  clave_rastreo: string | null
  paid_at: string | null
}

/**
 * What a budget system does for us. Our ledger always records every
 * movement under the PostgreSQL guard; a provider mirrors it in the system
 * of record of the agency and can refuse it.
 */
export interface BudgetProvider {
  readonly kind: BudgetProviderKind
  /** Available amount in the external system, or null when our ledger is the truth. */
  availability(clave: string): Promise<string | null>
  reserve(op: ExternalOperation): Promise<ExternalResult>
  commit(op: ExternalOperation): Promise<ExternalResult>
  release(op: ExternalOperation): Promise<ExternalResult>
  accrue(op: ExternalOperation): Promise<ExternalResult>
  /** Requests the CLC (ejercido). */
  requestClc(op: ExternalOperation & ClcPayee): Promise<ExternalResult>
  paymentStatus(folio: string): Promise<PaymentStatus>
  /** Compensation: undoes the operation with that key (no-op if it never happened). */
  cancel(idempotencyKey: string): Promise<void>
}
