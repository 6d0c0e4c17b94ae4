import { MedusaError } from "@medusajs/framework/utils"

/**
 * Stable codes of every e.firma refusal. Clients branch on the code; the
 * Spanish message is for people.
 */
export const EFIRMA_ERRORS = {
  FIRMA_INVALIDA: "FIRMA_INVALIDA",
  CERTIFICADO_INVALIDO: "CERTIFICADO_INVALIDO",
  CERTIFICADO_VENCIDO: "CERTIFICADO_VENCIDO",
  CERTIFICADO_NO_VIGENTE_AUN: "CERTIFICADO_NO_VIGENTE_AUN",
  CERTIFICADO_NO_ES_EFIRMA: "CERTIFICADO_NO_ES_EFIRMA",
  RFC_NO_COINCIDE: "RFC_NO_COINCIDE",
  CERTIFICADO_NO_CONFIABLE: "CERTIFICADO_NO_CONFIABLE",
  CERTIFICADO_NO_REGISTRADO: "CERTIFICADO_NO_REGISTRADO",
  CERTIFICADO_REVOCADO: "CERTIFICADO_REVOCADO",
  CERTIFICADO_YA_REGISTRADO: "CERTIFICADO_YA_REGISTRADO",
  CERTIFICADO_NO_ENCONTRADO: "CERTIFICADO_NO_ENCONTRADO",
  PERSONA_NO_ENCONTRADA: "PERSONA_NO_ENCONTRADA",
  CONFIGURACION_EFIRMA: "CONFIGURACION_EFIRMA",
} as const

export type EfirmaErrorCode = (typeof EFIRMA_ERRORS)[keyof typeof EFIRMA_ERRORS]

/** A 400 with a Spanish message and one of the stable codes above. */
export function efirmaError(code: EfirmaErrorCode, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}
