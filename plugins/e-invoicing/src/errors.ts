import type { ErrorCatalogue } from "@tienda/organizations/http"

/**
 * Every error code of the e-invoicing plugin (delivery, reception, CFDI, payment). The CFDI validation rules report their own rule ids (cfdi/rules.ts), listed under CFDI_INVALIDO; match reasons (status null) are reported in the answer, not thrown.
 * Keyed by the stable code; each entry is the HTTP status it is answered
 * with and its Spanish meaning (the message at the throw names the record).
 * A code thrown anywhere in the plugin's source must be here
 * (scripts/lint/error-codes.unit.spec.ts); renaming or removing one is a
 * breaking change for API clients.
 */
export const E_INVOICING_ERRORS = {
  FIRMA_STRIPE_INVALIDA: { status: 400, message: "La firma del aviso de Stripe no es válida: el aviso se descarta." },
  NOTA_CREDITO_PENDIENTE: {
    status: 409,
    message: "La solicitud de pago retiene una pena convencional: falta la nota de crédito del proveedor por ese importe.",
  },
  NOTA_CREDITO_YA_RECIBIDA: { status: 409, message: "La nota de crédito de esta factura ya se recibió." },
  PAGO_POR_STRIPE: { status: 409, message: "Esta solicitud se paga por Stripe: solo el aviso firmado de Stripe la da por pagada." },
  SIN_PENA_RETENIDA: { status: 409, message: "La factura no tiene pena convencional retenida: no requiere nota de crédito." },
  STRIPE_NO_CONFIGURADO: { status: 404, message: "Stripe no está configurado (STRIPE_API_KEY)." },
  STRIPE_NO_DISPONIBLE: { status: 503, message: "Stripe no respondió; vuelve a intentar en unos minutos." },
  CANTIDAD_EXCEDE_ENVIO: {
    status: 400,
    message: "De la partida … se enviaron … unidades: aceptadas (…) más rechazadas (…) deben sumar ….",
  },
  CANTIDAD_EXCEDE_PEDIDO: {
    status: 400,
    message: "Se envían … unidades de la partida … (…), pero solo quedan … por entregar de … pedidas.",
  },
  CFDI_INVALIDO: { status: 400, message: "El complemento de pago no se acepta: … …." },
  CFDI_NO_VIGENTE: { status: 409, message: "El CFDI no está vigente ante el SAT." },
  CFDI_UUID_DUPLICADO: {
    status: 409,
    message: "El CFDI … ya fue presentado y aceptado antes (en esta u otra dependencia); una factura solo se paga una vez.",
  },
  CLABE_YA_VIGENTE: { status: 400, message: "La CLABE … ya es tu cuenta bancaria vigente; no hay nada que cambiar." },
  CLABE_BANCO_DESCONOCIDO: { status: 400, message: "La CLABE … no corresponde a un banco participante en SPEI." },
  CLABE_DIGITO_VERIFICADOR: { status: 400, message: "La CLABE … no es válida: su dígito verificador no coincide." },
  CLABE_FORMATO_INVALIDO: { status: 400, message: "La CLABE debe tener 18 dígitos." },
  CLC_NO_PAGADA: { status: 409, message: "La CLC de la solicitud de pago aún no está pagada." },
  COMPLEMENTO_YA_RECIBIDO: { status: 409, message: "El complemento de pago de la factura … ya se recibió." },
  COMPROMISO_INSUFICIENTE: { status: null, message: "Al compromiso del contrato le quedan …; no alcanza para devengar …." },
  CUENTA_BANCARIA_NO_ENCONTRADA: { status: 404, message: "La cuenta bancaria no existe o no es de tu empresa." },
  ENVIO_NO_EXISTE: { status: 404, message: "El envío no existe o no es para tu dependencia." },
  ENVIO_YA_RECIBIDO: { status: 400, message: "Este envío ya se recibió; cada envío se recibe una sola vez." },
  ESTADO_CAMBIO: { status: 409, message: "El acta … ya está firmada; se firma una sola vez." },
  FACTURADO_SIN_RECEPCION: { status: null, message: "De la partida … se facturó más de lo recibido a entera satisfacción." },
  FACTURA_NO_ES_PPD: { status: 400, message: "La factura … es PUE (pago en una exhibición): no lleva complemento de pago." },
  FACTURA_NO_EXISTE: { status: 404, message: "La factura no existe o no es de tu organización." },
  PAGO_NO_REALIZADO: { status: 409, message: "La factura … aún no se paga; el complemento de pago se emite después del pago." },
  PARTIDA_NO_CONTRATADA: { status: null, message: "La partida … facturada no está en el contrato." },
  PARTIDA_NO_ENVIADA: { status: 400, message: "La partida … no viene en este envío." },
  PARTIDA_NO_EXISTE: { status: 400, message: "La partida … no está en el contrato." },
  PARTIDA_REPETIDA: { status: 400, message: "La partida … aparece dos veces en el envío." },
  PARTIDA_SIN_DICTAMEN: { status: 400, message: "Falta indicar qué se aceptó y qué se rechazó de la partida …." },
  PEDIDO_NO_EXISTE: { status: 404, message: "El pedido no existe o no es de tu organización." },
  PRECIO_DISTINTO: { status: null, message: "La partida … se factura a …; el contrato dice …." },
  PROVEEDOR_SIN_CUENTA_BANCARIA: {
    status: 409,
    message: "El proveedor no tiene una cuenta CLABE vigente registrada con e.firma; no se puede emitir la CLC.",
  },
  RECEPCION_NO_EXISTE: { status: 404, message: "La recepción no existe o no es de tu organización." },
  SAT_NO_DISPONIBLE: {
    status: 503,
    message: "No se pudo consultar al SAT el estado del CFDI; inténtalo de nuevo en unos minutos. No se registró nada.",
  },
  SICOP_SIAFF_NO_DISPONIBLE: { status: 503, message: "SICOP/SIAFF no respondió; no se registró nada. Intenta de nuevo en unos minutos." },
  SIN_COMPROMISO: { status: null, message: "El contrato no tiene un compromiso presupuestal del que devengar." },
  SOLICITUD_PAGO_NO_EXISTE: { status: 404, message: "La solicitud de pago no existe o no es de tu dependencia." },
  TOTAL_DISTINTO: { status: null, message: "El total del CFDI (…) no es lo que vale lo recibido al precio del contrato (…)." },
} as const satisfies ErrorCatalogue

export type EInvoicingErrorCode = keyof typeof E_INVOICING_ERRORS
