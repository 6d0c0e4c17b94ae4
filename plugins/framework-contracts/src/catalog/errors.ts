import type { ErrorCatalogue } from "@tienda/organizations/http"

/**
 * Every error code of the framework-contracts plugin (contracts, offers, catalog, eligibility).
 * Keyed by the stable code; each entry is the HTTP status it is answered
 * with and its Spanish meaning (the message at the throw names the record).
 * A code thrown anywhere in the plugin's source must be here
 * (scripts/lint/error-codes.unit.spec.ts); renaming or removing one is a
 * breaking change for API clients.
 */
export const FRAMEWORK_CONTRACTS_ERRORS = {
  ARTICULO_DUPLICADO: { status: 400, message: "…: la clave está repetida en el contrato." },
  ARTICULO_NO_DISPONIBLE: { status: 404, message: "El artículo no existe o no está en un contrato marco al que tu unidad esté adherida." },
  ARTICULO_NO_EXISTE: { status: 404, message: "El artículo … no existe." },
  ARTICULO_SIN_PARTIDA: {
    status: 400,
    message: "…: no tiene partida del Clasificador por Objeto del Gasto (COG) y el código UNSPSC … no tiene correspondencia registrada.",
  },
  CANTIDAD_MINIMA_NO_ALCANZADA: { status: 400, message: "«…»: la cantidad mínima de compra de este proveedor es …." },
  CLAVE_UNIDAD_INVALIDA: { status: 400, message: "…: «…» no es una clave de unidad del catálogo c_ClaveUnidad del SAT." },
  COMPRADOR_NO_AUTORIZADO: { status: 400, message: "Solo el personal de una dependencia con alta en la tienda puede comprar." },
  COMPRADOR_NO_IDENTIFICADO: { status: 400, message: "Inicia sesión con una cuenta de dependencia para comprar en la tienda." },
  CONTRATO_MARCO_DUPLICADO: { status: 400, message: "Ya existe el contrato marco …." },
  CONTRATO_MARCO_FUERA_DE_VIGENCIA: { status: 400, message: "El contrato marco no está vigente en esta fecha." },
  CONTRATO_MARCO_NO_EXISTE: { status: 404, message: "El contrato marco … no existe." },
  CONTRATO_MARCO_NO_PUBLICADO: { status: 400, message: "El contrato marco no está publicado (estado: …)." },
  CONTRATO_SIN_ARTICULOS: { status: 400, message: "No se puede publicar un contrato marco sin artículos." },
  DIAS_DE_ENTREGA_INVALIDOS: { status: 400, message: "Los días de entrega deben ser enteros entre 1 y 90." },
  MONTOS_INVALIDOS: { status: 400, message: "El monto máximo debe ser positivo y no menor que el mínimo." },
  MOTIVO_REQUERIDO: { status: 400, message: "Indica el motivo del rechazo." },
  NO_ES_PROVEEDOR: { status: 400, message: "… no es un proveedor registrado." },
  OFERTA_NO_VIGENTE: { status: 400, message: "La oferta del proveedor no está vigente." },
  PARTIDA_INVALIDA: { status: 400, message: "«…» no es una partida específica del COG (5 dígitos)." },
  PRECIO_INVALIDO: { status: 400, message: "El precio debe ser mayor que cero." },
  PRECIO_SUPERA_TECHO: { status: 400, message: "El precio ofertado (… MXN) supera el precio techo vigente del artículo … (… MXN)." },
  PRECIO_TECHO_INVALIDO: { status: 400, message: "…: el precio techo debe ser mayor que cero." },
  PRODUCTO_FUERA_DE_CONTRATO_MARCO: { status: 400, message: "El producto no corresponde a una oferta de un contrato marco." },
  PROVEEDOR_NO_ADHERIDO: { status: 400, message: "El proveedor no está adherido al contrato marco." },
  PROVEEDOR_SANCIONADO: { status: 400, message: "El proveedor está sancionado (…, …) y no puede participar." },
  SIN_LOTES: { status: 400, message: "El contrato marco necesita al menos una partida (lote)." },
  SIN_PERMISO_DE_COMPRA: { status: 400, message: "Tu cuenta no tiene un rol que permita elaborar requisiciones." },
  SIN_VERSION_EN_FECHA: { status: 404, message: "El contrato marco … no existía en esa fecha." },
  SIN_ZONAS_DE_ENTREGA: { status: 400, message: "Indica los días de entrega por entidad federativa." },
  SOLICITUD_NO_EXISTE: { status: 404, message: "La solicitud … no existe." },
  SOLICITUD_PENDIENTE: { status: 400, message: "Ya tienes una solicitud pendiente para este artículo; espera su resolución." },
  SOLICITUD_YA_RESUELTA: { status: 400, message: "La solicitud ya fue resuelta." },
  TRANSICION_NO_PERMITIDA: { status: 400, message: "No se puede pasar un contrato marco de «…» a «…»." },
  UMBRAL_INVALIDO: { status: 400, message: "El umbral de segunda etapa del lote … debe ser positivo." },
  UNIDAD_INVALIDA: { status: 400, message: "… no es una unidad de una dependencia o entidad." },
  UNIDAD_NO_ADHERIDA: { status: 400, message: "Tu unidad no está adherida al contrato marco de «…»; no puedes comprarlo." },
  UNSPSC_NO_CLASIFICADO: { status: 400, message: "…: el código UNSPSC … no está en el clasificador vigente." },
  UNSPSC_NO_ES_ARTICULO: { status: 400, message: "«…» no es un artículo (commodity) del clasificador UNSPSC." },
  VIGENCIA_INVALIDA: { status: 400, message: "Sanción …: la fecha de término debe ser posterior a la de inicio." },
  ZONAS_DE_ENTREGA_INVALIDAS: { status: 400, message: "…: indica las entidades federativas de entrega con claves c_Estado válidas." },
  ZONA_FUERA_DE_CONTRATO: { status: 400, message: "El artículo … no se entrega en: … (zonas del contrato: …)." },
} as const satisfies ErrorCatalogue

export type FrameworkContractsErrorCode = keyof typeof FRAMEWORK_CONTRACTS_ERRORS
