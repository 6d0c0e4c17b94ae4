/** What the budget payment provider keeps in the payment session/payment `data`. */
export type BudgetPaymentData = {
  /** Medusa payment session id: every budget movement of the payment is keyed by it. */
  session_id: string
  budget_key_id: string
  organization_id: string
  /** The requisition's reservation the commitment draws on (null: straight from disponible). */
  budget_reservation_id: string | null
  /** Exact decimal string, two decimals. */
  amount: string
  /** Order/contract the movements are tied to (defaults to the session id). */
  reference_id: string
  /** SPEI clave de rastreo; required to capture on own-resources keys. */
  clave_rastreo?: string | null
  commit_movement_id?: string
  accrue_movement_id?: string
  exercise_movement_id?: string
  pay_movement_id?: string
  release_movement_id?: string
}

const STEP_ES = {
  commit: "compromiso",
  accrue: "devengo",
  exercise: "ejercicio",
  pay: "pago",
  release: "liberacion",
} as const

/** Idempotency key of one budget movement of a payment session (same key on every retry). */
export function movementKey(sessionId: string, type: keyof typeof STEP_ES): string {
  return `pago:${sessionId}:${STEP_ES[type]}`
}
