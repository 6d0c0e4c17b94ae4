import { MedusaError } from "@medusajs/framework/utils"
import { codesWithStatus, type ErrorCatalogue } from "@tienda/organizations/http"

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
} as const satisfies Record<string, BudgetErrorCode>

/**
 * Every error code of the budget plugin, keyed by the stable code: the HTTP
 * status it is answered with and its Spanish meaning (the message at the
 * throw names the record). BUDGET_ERRORS above names the codes the steps
 * refer to; a code thrown anywhere in the plugin's source must be here
 * (scripts/lint/error-codes.unit.spec.ts).
 */
export const BUDGET_ERROR_CATALOGUE = {
  CLAVE_PRESUPUESTAL_DE_OTRA_DEPENDENCIA: {
    status: 403,
    message: "La clave presupuestal pertenece a otra dependencia o a una unidad fuera de tu alcance.",
  },
  CLAVE_PRESUPUESTAL_INACTIVA: { status: 400, message: "La clave presupuestal … está inactiva." },
  CLAVE_PRESUPUESTAL_NO_EXISTE: { status: 404, message: "La clave presupuestal … no existe." },
  CLAVE_RASTREO_REQUERIDA: {
    status: 400,
    message: "Indica la clave de rastreo SPEI del pago (clave_rastreo en los datos del pago) antes de capturarlo.",
  },
  CLC_NO_PAGADA: { status: 400, message: "La CLC … aún no está pagada (estado: …)." },
  FONDOS_INSUFICIENTES: { status: 409, message: "La clave presupuestal no tiene fondos suficientes para el movimiento." },
  IDEMPOTENCIA_CONFLICTO: {
    status: 409,
    message: "La llave de idempotencia ya se usó para otra operación presupuestal; usa una llave nueva para una operación distinta.",
  },
  IDEMPOTENCY_KEY_REQUERIDA: {
    status: 400,
    message: "Envía el encabezado Idempotency-Key (hasta 200 caracteres) para reservar presupuesto.",
  },
  IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO: { status: 409, message: "El importe de la … (…) excede el saldo del movimiento de origen (…)." },
  IMPORTE_INVALIDO: { status: 400, message: "El importe «…» no es válido: debe ser mayor que cero y tener a lo más dos decimales." },
  JUSTIFICACION_REQUERIDA: {
    status: 400,
    message: "Una reserva manual necesita una justificación (al menos 10 caracteres) que quede en la bitácora.",
  },
  MONEDA_NO_ADMITIDA: { status: 400, message: "El pago con presupuesto solo admite pesos mexicanos (MXN)." },
  MOVIMIENTO_NO_EXISTE: { status: 404, message: "El movimiento … no existe en la clave presupuestal indicada." },
  MOVIMIENTO_NO_PERMITIDO: { status: 400, message: "Un(a) … debe indicar el movimiento del que proviene." },
  PARTIDA_INVALIDA: { status: 400, message: "La partida «…» no es una partida específica del COG (5 dígitos)." },
  REINTEGRO_EN_SIAFF: {
    status: 400,
    message: "Los reintegros de claves de SICOP/SIAFF se tramitan en SIAFF; no se registran desde la tienda.",
  },
  RESERVA_DE_PROCEDIMIENTO: {
    status: 400,
    message:
      "Esta reserva pertenece a un procedimiento (requisición, contrato o pedido) y se libera con él, p. ej. al retirar la requisición.",
  },
  RESERVA_NO_EXISTE: { status: 404, message: "La reserva … no existe en tu dependencia." },
  RESERVA_PRESUPUESTAL_REQUERIDA: {
    status: 400,
    message:
      "Indica la reserva presupuestal de la requisición (budget_reservation_id) o la clave presupuestal (budget_key_id) con que se paga.",
  },
  RESERVA_SIN_SALDO: { status: 409, message: "Esta reserva ya no tiene saldo por liberar." },
  RESERVA_SOLO_MANUAL: {
    status: 400,
    message:
      'Las reservas de … las hace su propio procedimiento; aquí solo se aparta presupuesto a mano (reference_type "manual") con el folio del oficio que lo respalda.',
  },
  SICOP_SIAFF_NO_DISPONIBLE: {
    status: 503,
    message: "SICOP/SIAFF no respondió; la operación presupuestal no se aplicó. Intenta de nuevo en unos minutos.",
  },
  SICOP_SIAFF_RECHAZO: { status: 400, message: "SICOP/SIAFF rechazó la operación: …" },
} as const satisfies ErrorCatalogue

export type BudgetErrorCode = keyof typeof BUDGET_ERROR_CATALOGUE

/** Codes answered with 409 Conflict (a refusal of the current state, nothing changed). */
export const CONFLICT_CODES: string[] = codesWithStatus(BUDGET_ERROR_CATALOGUE, 409)

/** Codes answered with 503 (the external budget system did not answer). */
export const UNAVAILABLE_CODES: string[] = codesWithStatus(BUDGET_ERROR_CATALOGUE, 503)

export function budgetError(type: keyof typeof MedusaError.Types, code: BudgetErrorCode, message: string): MedusaError {
  return new MedusaError(MedusaError.Types[type], message, code)
}
