import { MedusaError } from "@medusajs/framework/utils"
import type { ErrorCatalogue } from "@tienda/organizations/http"

/**
 * Every error code of the contracts plugin (specific contracts, amendments,
 * e.firma), keyed by the stable code: the HTTP status it is answered with and
 * its Spanish meaning (the message at the throw names the record). The
 * SPECIFIC_CONTRACT_ERRORS and EFIRMA_ERRORS name maps below are what the
 * code refers to; a code thrown anywhere in the plugin's source must be here
 * (scripts/lint/error-codes.unit.spec.ts).
 */
export const CONTRACTS_ERRORS = {
  CERTIFICADO_INVALIDO: { status: 400, message: "El archivo no es un certificado X.509 válido (.cer del SAT en DER o PEM)." },
  CERTIFICADO_NO_CONFIABLE: {
    status: 400,
    message: "El certificado … no fue emitido por una autoridad certificadora reconocida (emisor: …).",
  },
  CERTIFICADO_NO_ENCONTRADO: { status: 404, message: "No existe el certificado … entre tus certificados registrados." },
  CERTIFICADO_NO_ES_EFIRMA: {
    status: 400,
    message:
      "El certificado … es un Certificado de Sello Digital (CSD), que solo sirve para sellar facturas; usa el certificado de tu e.firma.",
  },
  CERTIFICADO_NO_REGISTRADO: {
    status: 400,
    message: "El certificado … no está registrado a tu nombre en la Tienda Digital; regístralo antes de firmar.",
  },
  CERTIFICADO_NO_VIGENTE_AUN: { status: 400, message: "El certificado de e.firma … aún no está vigente: su vigencia inicia el …." },
  CERTIFICADO_REVOCADO: { status: 400, message: "El certificado … fue revocado; registra un certificado vigente para firmar." },
  CERTIFICADO_VENCIDO: { status: 400, message: "El certificado de e.firma … venció el …; renuévalo ante el SAT y registra el nuevo." },
  CERTIFICADO_YA_REGISTRADO: { status: 400, message: "El certificado … ya está registrado." },
  CLAVE_PRESUPUESTAL_INVALIDA: { status: 400, message: "La clave presupuestaria no existe, no está activa o es de otra dependencia." },
  CONFIGURACION_EFIRMA: {
    status: 400,
    message:
      "La verificación de e.firma no está configurada: define EFIRMA_CA_BUNDLE con los certificados de las autoridades certificadoras del SAT.",
  },
  CONTRATO_ESPECIFICO_NO_EXISTE: { status: 404, message: "El contrato específico no existe o no pertenece a tu organización." },
  CONTRATO_EXCEDE_MAXIMO_DEL_CONTRATO_MARCO: {
    status: 400,
    message: "El contrato marco … tiene un monto máximo de … MXN y ya hay … MXN contratados: este contrato lo excedería.",
  },
  CONTRATO_EXCEDE_PRECIO_TECHO: { status: 400, message: "«…»: el precio adjudicado de … MXN excede el precio techo vigente de … MXN." },
  CONTRATO_EXCEDE_REQUISICION: {
    status: 400,
    message: "El contrato suma … MXN con IVA y la requisición aprobó … MXN para este proveedor.",
  },
  CONTRATO_EXCEDE_UMBRAL_DE_PARTIDA: {
    status: 400,
    message: "La partida … suma … MXN antes de IVA, por encima de su umbral de … MXN: requiere la segunda etapa de competencia.",
  },
  CONTRATO_NO_CANCELABLE: { status: 400, message: "El contrato … ya no se puede cancelar." },
  CONTRATO_NO_FIRMABLE: { status: 400, message: "El contrato … no se puede firmar en su estado actual (…)." },
  CONTRATO_NO_MODIFICABLE: {
    status: 400,
    message: "El contrato … no está en vigor; solo un contrato en vigor admite convenios modificatorios.",
  },
  CONTRATO_SOLO_DESDE_REQUISICION: {
    status: 400,
    message:
      "Los contratos específicos se generan desde una requisición aprobada (POST /store/requisitions/:id/contracts); no se capturan por separado.",
  },
  CONTRATO_YA_FIRMADO: { status: 400, message: "El contrato … ya tiene esa firma; no se firma dos veces." },
  CONVENIO_EN_TRAMITE: { status: 400, message: "El convenio … está pendiente de firmas; fírmalo o cancélalo antes de pedir otro." },
  CONVENIO_INVALIDO: { status: 400, message: "Indica al menos un cambio de cantidad o de fecha de entrega." },
  DATOS_INVALIDOS: { status: 400, message: "Falta el contrato." },
  DEPENDENCIA_FUERA_DE_ALCANCE: { status: 403, message: "Solo puedes emitir contratos de tu propia dependencia." },
  DOCUMENTO_ALTERADO: {
    status: 400,
    message: "El documento que firmaste (huella ……) no es el vigente del contrato … (huella ……); descárgalo de nuevo y vuelve a firmar.",
  },
  DOCUMENTO_NO_COINCIDE: {
    status: 400,
    message: "El documento almacenado del contrato … no coincide con sus huellas; no se puede firmar. Reporta el incidente a la SHCP.",
  },
  FIRMANTE_NO_DESIGNADO: { status: 403, message: "El contrato … designa a … como firmante por …; tú no puedes firmarlo." },
  FIRMA_INVALIDA: {
    status: 400,
    message:
      "La firma electrónica no es válida para este documento: el documento fue modificado después de firmarse o se firmó con una llave privada que no corresponde al certificado.",
  },
  IMPORTE_FUERA_DE_RANGO: {
    status: 400,
    message: "El importe no se puede escribir con letra: debe ser un entero entre 0 y 999,999,999,999.",
  },
  MODIFICACION_EXCEDE_20_POR_CIENTO: {
    status: 400,
    message:
      "El convenio aumentaría el monto del contrato … en … % respecto del monto original (… sin IVA); el artículo 52 de la LAASSP permite modificaciones de hasta el 20 % en conjunto.",
  },
  OFERTA_NO_VALIDA: { status: 400, message: "«…»: el precio adjudicado debe ser un importe positivo con hasta dos decimales." },
  PARTE_INVALIDA: {
    status: 400,
    message: "Las penas convencionales deben ser porcentajes con hasta dos decimales; el tope no puede exceder el 20 %.",
  },
  PERSONA_NO_ENCONTRADA: { status: 404, message: "La persona … no existe en la Tienda Digital." },
  PLANTILLA_INVALIDA: { status: 400, message: "La plantilla usa salida sin escapar ({{{…}}} o {{&…}}); todo el contenido debe escaparse." },
  PLANTILLA_NO_EXISTE: { status: 400, message: "No hay una plantilla de convenio modificatorio vigente." },
  PRECIO_SOLO_DESDE_ADJUDICACION: {
    status: 400,
    message: "«…»: solo una adjudicación de segunda etapa fija un precio distinto del vigente de la oferta.",
  },
  RFC_NO_COINCIDE: { status: 400, message: "El RFC del certificado (…) no coincide con el RFC de la persona (…)." },
  SIN_FIRMANTE: { status: 400, message: "La persona indicada como firmante de … no tiene hoy el permiso para firmar contratos." },
  UNIDAD_NO_ADHERIDA: { status: 400, message: "Ninguna unidad de … está adherida al contrato marco …." },
  PLAN_DE_PAGO_INVALIDO: {
    status: 400,
    message: "El plan de pago debe ser «una_exhibicion» (PUE) o «parcialidades_o_diferido» (PPD).",
  },
} as const satisfies ErrorCatalogue

export type ContractsErrorCode = keyof typeof CONTRACTS_ERRORS

/** Stable codes of the specific-contracts capability. */
export const SPECIFIC_CONTRACT_ERRORS = {
  NOT_FOUND: "CONTRATO_ESPECIFICO_NO_EXISTE",
  PAYMENT_PLAN_INVALID: "PLAN_DE_PAGO_INVALIDO",
  TEMPLATE_NOT_FOUND: "PLANTILLA_NO_EXISTE",
  TEMPLATE_INVALID: "PLANTILLA_INVALIDA",
  OFFER_INVALID: "OFERTA_NO_VALIDA",
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
  PRICE_WITHOUT_AWARD: "PRECIO_SOLO_DESDE_ADJUDICACION",
  ABOVE_CEILING: "CONTRATO_EXCEDE_PRECIO_TECHO",
} as const satisfies Record<string, ContractsErrorCode>

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
} as const satisfies Record<string, ContractsErrorCode>

export function invalid(code: ContractsErrorCode, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

export function notAllowed(code: ContractsErrorCode, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

/** 404 for a contract that does not exist or belongs to another organization (no IDOR oracle). */
export function contractNotFound(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_FOUND,
    "El contrato específico no existe o no pertenece a tu organización.",
    SPECIFIC_CONTRACT_ERRORS.NOT_FOUND,
  )
}

export type EfirmaErrorCode = (typeof EFIRMA_ERRORS)[keyof typeof EFIRMA_ERRORS]

/** A 400 with a Spanish message and one of the stable codes above. */
export function efirmaError(code: EfirmaErrorCode, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}
