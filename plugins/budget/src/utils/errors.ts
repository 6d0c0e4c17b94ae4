import { MedusaError } from "@medusajs/framework/utils"

/** Stable error codes of the budget capability. */
export const BUDGET_ERRORS = {
  INSUFFICIENT: "FONDOS_INSUFICIENTES",
  KEY_NOT_FOUND: "CLAVE_PRESUPUESTAL_NO_EXISTE",
  KEY_OTHER_AGENCY: "CLAVE_PRESUPUESTAL_DE_OTRA_DEPENDENCIA",
  KEY_INACTIVE: "CLAVE_PRESUPUESTAL_INACTIVA",
  INVALID_AMOUNT: "IMPORTE_INVALIDO",
  MOVEMENT_NOT_FOUND: "MOVIMIENTO_NO_EXISTE",
  MOVEMENT_BALANCE: "IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO",
  INVALID_TRANSITION: "MOVIMIENTO_NO_PERMITIDO",
  IDEMPOTENCY_CONFLICT: "IDEMPOTENCIA_CONFLICTO",
  EXTERNAL_UNAVAILABLE: "SICOP_SIAFF_NO_DISPONIBLE",
  EXTERNAL_REFUSED: "SICOP_SIAFF_RECHAZO",
  RESERVATION_NOT_FOUND: "RESERVA_NO_EXISTE",
  RESERVATION_OF_PROCEDURE: "RESERVA_DE_PROCEDIMIENTO",
  RESERVATION_EMPTY: "RESERVA_SIN_SALDO",
} as const

/** Codes answered with 409 Conflict (a refusal of the current state, nothing changed). */
export const CONFLICT_CODES: string[] = [
  BUDGET_ERRORS.INSUFFICIENT,
  BUDGET_ERRORS.MOVEMENT_BALANCE,
  BUDGET_ERRORS.IDEMPOTENCY_CONFLICT,
  BUDGET_ERRORS.RESERVATION_EMPTY,
]

/** Codes answered with 503 (the external budget system did not answer). */
export const UNAVAILABLE_CODES: string[] = [BUDGET_ERRORS.EXTERNAL_UNAVAILABLE]

export function budgetError(
  type: keyof typeof MedusaError.Types,
  code: string,
  message: string
): MedusaError {
  return new MedusaError(MedusaError.Types[type], message, code)
}
