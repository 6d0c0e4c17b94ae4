import { MedusaError } from "@medusajs/framework/utils"

/**
 * Refusals that must answer 409 with their own Spanish message and code
 * (Medusa's handler rewrites CONFLICT errors); routes map them with
 * withCompetitionErrors.
 */
export const CONFLICT_CODES = [
  "COMPETENCIA_YA_EXISTE",
  "COMPETENCIA_NO_EN_BORRADOR",
  "COMPETENCIA_NO_EN_PROPUESTAS",
  "COMPETENCIA_NO_ABIERTA",
  "INVITADOS_INSUFICIENTES",
  "PROPUESTA_EXTEMPORANEA",
  "PLAZO_NO_VENCIDO",
  "PROVEEDOR_NO_ELEGIBLE",
  "REQUISICION_NO_REQUIERE_COMPETENCIA",
  "SIN_PROPUESTA_VIGENTE",
  "SIN_ADJUDICACION_POR_CONFIRMAR",
  "PLAZO_DE_CONFIRMACION_VENCIDO",
  "ACLARACION_YA_RESPONDIDA",
  "ADJUDICACION_NO_CONFIRMADA",
  "REGLA_YA_EXISTE",
  "DECLARACION_DE_INTEGRIDAD_REQUERIDA",
]

export function conflict(code: string, message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

export function invalid(code: string, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

export function notFound(code: string, message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, message, code)
}

export function forbidden(code: string, message: string): never {
  throw new MedusaError(MedusaError.Types.FORBIDDEN, message, code)
}
