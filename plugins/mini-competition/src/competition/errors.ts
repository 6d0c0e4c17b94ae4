import { MedusaError } from "@medusajs/framework/utils"
import { codesWithStatus, type ErrorCatalogue } from "@tienda/organizations/http"

/**
 * Every error code of the mini-competition plugin, keyed by the stable code:
 * the HTTP status it is answered with and its Spanish meaning (the message at
 * the throw names the record). Status null: a finding or reason reported in
 * the answer, not thrown. A code thrown anywhere in the plugin's source must
 * be here (scripts/lint/error-codes.unit.spec.ts).
 */
export const COMPETITION_ERRORS = {
  ACLARACION_NO_EXISTE: { status: 404, message: "La aclaración … no existe en esta segunda etapa." },
  ACLARACION_YA_RESPONDIDA: { status: 409, message: "La aclaración ya fue respondida." },
  ADJUDICACION_DE_OTRO_PROVEEDOR: { status: 403, message: "La adjudicación no está ofrecida a tu empresa." },
  ADJUDICACION_NO_CONFIRMADA: {
    status: 409,
    message:
      "La adjudicación de la segunda etapa … no está confirmada por el proveedor ganador (estado: …); sin confirmación no hay contrato.",
  },
  COMPETENCIA_NO_ABIERTA: { status: 409, message: "La segunda etapa … ya concluyó (estado: …)." },
  COMPETENCIA_NO_EN_BORRADOR: { status: 409, message: "La segunda etapa … ya fue publicada (estado: …)." },
  COMPETENCIA_NO_EN_PROPUESTAS: { status: 409, message: "La segunda etapa … no está recibiendo propuestas (estado: …)." },
  COMPETENCIA_NO_EXISTE: { status: 404, message: "La segunda etapa … no existe." },
  COMPETENCIA_NO_PUBLICA: { status: 404, message: "La segunda etapa … no existe o aún no se publica." },
  COMPETENCIA_YA_EXISTE: { status: 409, message: "Ya hay una segunda etapa (…) para este lote de la requisición." },
  COMPROMISO_NO_COINCIDE: { status: null, message: "La propuesta abierta no corresponde al compromiso registrado al presentarla." },
  CONTRATO_SOLO_DESDE_REQUISICION: {
    status: 400,
    message: "La segunda etapa … no proviene de una requisición; el contrato se genera desde una requisición.",
  },
  DECLARACION_DE_INTEGRIDAD_REQUERIDA: {
    status: 409,
    message: "Firma la declaración de integridad de la segunda etapa antes de continuar.",
  },
  DECLARACION_NO_VIGENTE: { status: 400, message: "La declaración firmada no corresponde al texto vigente (versión …, SHA-256 …)." },
  ENTIDAD_SIN_COBERTURA: { status: 400, message: "La partida «…» no se entrega en … (entidades: …)." },
  FIRMA_REQUERIDA: { status: 400, message: "… requiere tu firma electrónica (e.firma): envía el certificado y la firma." },
  IMPORTE_NO_VALIDO: { status: 400, message: "Importe no válido: …" },
  INVITADOS_INSUFICIENTES: {
    status: 409,
    message:
      "Solo … proveedor(es) elegible(s) del lote atienden …; las reglas exigen invitar al menos a …. No se publicó la segunda etapa.",
  },
  JUSTIFICACION_REQUERIDA: {
    status: 400,
    message: "Adjudicar a una propuesta distinta de la ganadora calculada exige una justificación de al menos 30 caracteres.",
  },
  LOTE_NO_EXISTE: { status: 404, message: "El lote … no existe." },
  LOTE_NO_REQUIERE_COMPETENCIA: { status: 400, message: "Indica el lote (lot_id) de la requisición que requiere segunda etapa." },
  LOTE_RESERVADO_MIPYME: { status: null, message: "Las reglas de esta segunda etapa la reservan a micro, pequeñas y medianas empresas." },
  PARTIDAS_INCOMPLETAS: { status: 400, message: "La propuesta debe cotizar cada partida de la segunda etapa exactamente una vez." },
  PARTIDA_SIN_PRECIO: { status: null, message: "La propuesta no cotiza exactamente una vez la partida …." },
  PLAZO_DE_CONFIRMACION_VENCIDO: { status: 409, message: "El plazo para confirmar la adjudicación venció el …." },
  PLAZO_NO_VALIDO: { status: 400, message: "El plazo debe ser de al menos un día hábil." },
  PLAZO_NO_VENCIDO: { status: 409, message: "El plazo de confirmación de … aún no vence." },
  PONDERACIONES_NO_VALIDAS: { status: 400, message: "Las ponderaciones de la evaluación por puntos no son válidas: …" },
  PRECIO_ANORMALMENTE_BAJO: { status: null, message: "El total … está … % o más por debajo del promedio de las propuestas válidas (…)." },
  PRECIO_NO_VALIDO: { status: 400, message: "El precio de «…» debe ser mayor que cero." },
  PRECIO_SOBRE_TECHO: { status: 400, message: "El precio … de la partida … excede el precio techo … o no es positivo." },
  PROPUESTA_EXTEMPORANEA: { status: 409, message: "El plazo para presentar propuestas venció el …; la propuesta no se recibió." },
  PROPUESTA_NO_VALIDA: { status: 400, message: "Solo se puede adjudicar a una propuesta válida de esta segunda etapa." },
  PROVEEDOR_NO_ELEGIBLE: { status: 409, message: "No se puede adjudicar: …" },
  PROVEEDOR_NO_INVITADO: { status: 403, message: "Tu empresa no está invitada a esta segunda etapa." },
  REGLA_YA_EXISTE: { status: 409, message: "El lote ya tiene reglas que entran en vigor en esa misma fecha." },
  REQUISICION_NO_EXISTE: { status: 404, message: "La requisición … no existe." },
  REQUISICION_NO_REQUIERE_COMPETENCIA: { status: 409, message: "La requisición … no está en espera de segunda etapa (estado: …)." },
  SIN_ADJUDICACION_POR_CONFIRMAR: { status: 409, message: "La segunda etapa … no tiene una adjudicación por confirmar (estado: …)." },
  SIN_OFERTA_EN_LA_ENTIDAD: { status: null, message: "El proveedor no tiene una oferta vigente del lote con entrega en …." },
  SIN_PROPUESTA_VIGENTE: { status: 409, message: "Tu empresa no tiene una propuesta vigente en esta segunda etapa." },
  SOBRE_ALTERADO: { status: null, message: "La propuesta almacenada fue alterada: no se puede descifrar con su sello." },
  VIGENCIA_RETROACTIVA: {
    status: 400,
    message: "Las reglas no pueden entrar en vigor en el pasado: indica una fecha de vigencia a partir de ahora.",
  },
} as const satisfies ErrorCatalogue

export type CompetitionErrorCode = keyof typeof COMPETITION_ERRORS

/**
 * Refusals that must answer 409 with their own Spanish message and code
 * (Medusa's handler rewrites CONFLICT errors); routes map them with
 * withCompetitionErrors.
 */
export const CONFLICT_CODES: string[] = codesWithStatus(COMPETITION_ERRORS, 409)

export function conflict(code: CompetitionErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

export function invalid(code: CompetitionErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

export function notFound(code: CompetitionErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, message, code)
}

export function forbidden(code: CompetitionErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.FORBIDDEN, message, code)
}
