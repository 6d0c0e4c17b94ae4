import { MedusaError } from "@medusajs/framework/utils"

/** Stable codes of the specific-contracts capability. */
export const SPECIFIC_CONTRACT_ERRORS = {
  NOT_FOUND: "CONTRATO_ESPECIFICO_NO_EXISTE",
  TEMPLATE_NOT_FOUND: "PLANTILLA_NO_EXISTE",
  TEMPLATE_INVALID: "PLANTILLA_INVALIDA",
  OFFER_INVALID: "OFERTA_NO_VALIDA",
  SUPPLIER_NOT_ELIGIBLE: "PROVEEDOR_NO_ELEGIBLE",
  UNIT_NOT_ENROLLED: "UNIDAD_NO_ADHERIDA",
  BUDGET_KEY_INVALID: "CLAVE_PRESUPUESTAL_INVALIDA",
  PARTY_INVALID: "PARTE_INVALIDA",
  NO_SIGNER: "SIN_FIRMANTE",
  NOT_SIGNABLE: "CONTRATO_NO_FIRMABLE",
  ALREADY_SIGNED: "CONTRATO_YA_FIRMADO",
  WRONG_SIGNER: "FIRMANTE_NO_DESIGNADO",
  DOCUMENT_ALTERED: "DOCUMENTO_ALTERADO",
  NOT_AMENDABLE: "CONTRATO_NO_MODIFICABLE",
  AMENDMENT_PENDING: "CONVENIO_EN_TRAMITE",
  AMENDMENT_INVALID: "CONVENIO_INVALIDO",
  AMENDMENT_OVER_20: "MODIFICACION_EXCEDE_20_POR_CIENTO",
  NOT_CANCELLABLE: "CONTRATO_NO_CANCELABLE",
  DOCUMENT_MISMATCH: "DOCUMENTO_NO_COINCIDE",
  REQUISITION_REQUIRED: "CONTRATO_SOLO_DESDE_REQUISICION",
  ABOVE_REQUISITION: "CONTRATO_EXCEDE_REQUISICION",
  ABOVE_LOT_THRESHOLD: "CONTRATO_EXCEDE_UMBRAL_DE_PARTIDA",
  ABOVE_FRAMEWORK_MAXIMUM: "CONTRATO_EXCEDE_MAXIMO_DEL_CONTRATO_MARCO",
} as const

export function invalid(code: string, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

export function notAllowed(code: string, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

/** 404 for a contract that does not exist or belongs to another organization (no IDOR oracle). */
export function contractNotFound(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_FOUND,
    "El contrato específico no existe o no pertenece a tu organización.",
    SPECIFIC_CONTRACT_ERRORS.NOT_FOUND
  )
}
