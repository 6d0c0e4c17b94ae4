import { MedusaError } from "@medusajs/framework/utils"
import type { ErrorCatalogue } from "@tienda/organizations/http"

/**
 * Every error code of the requisitions plugin, keyed by the stable code:
 * the HTTP status it is answered with and its Spanish meaning (the message at
 * the throw names the record). A code thrown anywhere in the plugin's source
 * must be here (scripts/lint/error-codes.unit.spec.ts); renaming or removing
 * one is a breaking change for API clients. Eligibility refusals rethrow
 * framework-contracts' codes (its catalogue).
 */
export const REQUISITIONS_ERRORS = {
  ADJUDICACION_NO_CORRESPONDE: { status: 400, message: "La adjudicación … no corresponde a un lote en segunda etapa de la requisición …." },
  ADJUDICACION_SIN_OFERTA: { status: 400, message: "El proveedor adjudicado ya no tiene oferta de «…» en el contrato marco." },
  AUTOAPROBACION_NO_PERMITIDA: { status: 403, message: "No puedes aprobar ni rechazar una requisición que tú elaboraste." },
  CANTIDAD_INVALIDA: { status: 400, message: "Cada cantidad debe ser un entero mayor que cero." },
  CARRITO_NO_EXISTE: { status: 404, message: "El carrito … no existe." },
  CARRITO_YA_COMPLETADO: { status: 400, message: "El carrito ya se convirtió en pedido." },
  CLAVE_PRESUPUESTAL_DE_OTRA_UNIDAD: { status: 400, message: "La clave presupuestaria pertenece a otra unidad." },
  CLAVE_PRESUPUESTAL_NO_EXISTE: { status: 404, message: "La clave presupuestaria no existe en tu dependencia." },
  COMPETENCIA_SIN_ADJUDICAR: {
    status: 400,
    message:
      "La requisición … tiene un lote en segunda etapa sin adjudicación confirmada: sus contratos se generan cuando el proveedor ganador confirma la adjudicación.",
  },
  CONTRATOS_YA_GENERADOS: { status: 400, message: "Los contratos de la requisición … ya se generaron." },
  CONTRATO_DIFIERE_DE_REQUISICION: { status: 400, message: "La partida … del contrato … no está en la requisición …." },
  CONTRATO_NO_EXISTE: { status: 404, message: "El contrato … no es de la requisición …." },
  CONTRATO_NO_REASIGNABLE: { status: 400, message: "El contrato … no se puede reasignar en su estado actual." },
  CONTRATO_SOLO_DESDE_REQUISICION: { status: 400, message: "El contrato … no proviene de una requisición." },
  DELEGACION_EXCEDE_PLAZO: {
    status: 400,
    message: "Una delegación puede durar a lo más … días según la política de tu dependencia; la solicitada dura ….",
  },
  DELEGACION_NO_EXISTE: { status: 404, message: "No diste la delegación …." },
  DELEGACION_TERMINADA: { status: 409, message: "Esta delegación ya terminó; no hay nada que revocar." },
  DELEGACION_YA_REVOCADA: { status: 409, message: "Esta delegación ya fue revocada." },
  DELEGADO_INVALIDO: { status: 400, message: "No puedes delegarte a ti mismo." },
  FECHA_DE_ENTREGA_INVALIDA: { status: 400, message: "La fecha de entrega debe ser hoy o posterior." },
  FIRMA_REQUERIDA: { status: 400, message: "Firma tu decisión con tu e.firma." },
  IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO: { status: 400, message: "La reserva de la requisición … ya no cubre el contrato … (… MXN)." },
  JUSTIFICACION_REQUERIDA: { status: 400, message: "Escribe una justificación de al menos 10 caracteres." },
  MOTIVO_REQUERIDO: { status: 400, message: "Indica el motivo (al menos 5 caracteres) para rechazar o devolver." },
  PARTIDA_NO_CORRESPONDE: { status: 400, message: "«…» es de la partida … y la clave … es de la partida …." },
  PEDIDO_NO_EXISTE: { status: 404, message: "El pedido no existe o no es de tu empresa." },
  PEDIDO_SOLO_DESDE_CONTRATO: {
    status: 400,
    message:
      "El pedido de la requisición … lo libera su contrato específico cuando ambas partes lo firman; genera los contratos desde la requisición.",
  },
  PEDIDO_YA_CONFIRMADO: { status: 400, message: "El pedido del contrato … ya se confirmó (entrega prometida: …)." },
  PERIODO_INVALIDO: { status: 400, message: "El periodo de la delegación no es válido: la fecha final debe ser posterior a la inicial." },
  POLITICA_ORDEN_REPETIDO: { status: 400, message: "Cada paso de la política debe tener un número de orden distinto." },
  POLITICA_ROL_INVALIDO: { status: 400, message: "El rol «…» no puede aprobar requisiciones." },
  POLITICA_SIN_PASOS: { status: 400, message: "La política necesita al menos un paso de aprobación." },
  PRESUPUESTO_NO_RESERVADO: { status: 400, message: "La requisición del contrato … no tiene presupuesto reservado." },
  PROVEEDOR_AUN_ELEGIBLE: {
    status: 400,
    message: "El proveedor del contrato … sigue habilitado para contratar: el contrato se firma o se cancela, no se reasigna.",
  },
  REQUISICION_EN_OTRO_ESTADO: {
    status: 400,
    message: "La requisición … está …; solo se reasignan contratos de una requisición contratada.",
  },
  REQUISICION_NO_APROBADA: { status: 400, message: "La requisición … no está aprobada (…)." },
  REQUISICION_NO_EXISTE: { status: 404, message: "La requisición … no existe." },
  REQUISICION_NO_MODIFICABLE: { status: 400, message: "La requisición ya no puede modificarse (estado: …)." },
  REQUISICION_NO_PENDIENTE: { status: 400, message: "La requisición no está en espera de aprobación (estado: …)." },
  REQUISICION_NO_REQUIERE_COMPETENCIA: {
    status: 400,
    message: "La requisición … no está en espera de segunda etapa (…); una adjudicación no genera sus contratos.",
  },
  REQUISICION_NO_RETIRABLE: {
    status: 400,
    message: "La requisición … ya no se puede retirar (estado: …); cancela sus contratos pendientes de firma.",
  },
  REQUISICION_REQUERIDA: {
    status: 400,
    message:
      "Este carrito no proviene de una requisición aprobada. Elabora la requisición, envíala a aprobación y genera los contratos desde ella.",
  },
  REQUISICION_SIN_ARTICULOS: { status: 400, message: "La requisición no tiene artículos." },
  REQUISICION_YA_ENVIADA: { status: 400, message: "La requisición ya fue enviada (estado: …)." },
  ROL_NO_DELEGABLE: { status: 400, message: "No tienes el rol «…» para delegarlo." },
  SIN_FACULTAD_PARA_APROBAR: { status: 403, message: "Este paso corresponde al rol «…»; no lo tienes en esta unidad ni te lo delegaron." },
  SIN_PROVEEDOR_ELEGIBLE: {
    status: 400,
    message:
      "Ningún otro proveedor habilitado del contrato marco ofrece las partidas del contrato …: la dependencia puede cancelarlo o retirar la requisición.",
  },
  SOLO_EL_SOLICITANTE: { status: 400, message: "Solo quien elaboró la requisición puede modificarla." },
} as const satisfies ErrorCatalogue

export type RequisitionsErrorCode = keyof typeof REQUISITIONS_ERRORS

/** Refuses with a stable code first, then the Spanish message (docs/conventions.md, errors). */
export function invalid(code: RequisitionsErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

/** 404 for a record that does not exist or belongs to another organization (no IDOR oracle). */
export function notFound(code: RequisitionsErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, message, code)
}

/** A refusal of the record's current state (400 NOT_ALLOWED; 409 where a route maps the code). */
export function notAllowed(code: RequisitionsErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}
