/**
 * The CFDI validation rules: stable ids (never renamed: they are stored and
 * shown), what each checks and its source. docs/e-invoicing.md renders this
 * table; a unit test keeps both in step.
 */
export const CFDI_RULES = {
  CFDI_XML_MAL_FORMADO: { group: "documento", source: "XML 1.0 (W3C); Anexo 20, I.A" },
  CFDI_ESQUEMA_INVALIDO: { group: "documento", source: "cfdv40.xsd, TimbreFiscalDigitalv11.xsd, Pagos20.xsd" },
  CFDI_TIPO_COMPROBANTE: { group: "documento", source: "Anexo 20, c_TipoDeComprobante" },
  CFDI_CATALOGO_REGIMEN_FISCAL: { group: "catalogos", source: "Anexo 20, c_RegimenFiscal" },
  CFDI_CATALOGO_USO_CFDI: { group: "catalogos", source: "Anexo 20, c_UsoCFDI" },
  CFDI_CATALOGO_FORMA_PAGO: { group: "catalogos", source: "Anexo 20, c_FormaPago" },
  CFDI_CATALOGO_METODO_PAGO: { group: "catalogos", source: "Anexo 20, c_MetodoPago" },
  CFDI_CATALOGO_CLAVE_UNIDAD: { group: "catalogos", source: "Anexo 20, c_ClaveUnidad" },
  CFDI_CATALOGO_OBJETO_IMP: { group: "catalogos", source: "Anexo 20, c_ObjetoImp" },
  CFDI_CATALOGO_MONEDA: { group: "catalogos", source: "Anexo 20, c_Moneda" },
  CFDI_CERTIFICADO_INVALIDO: { group: "sello", source: "Anexo 20, Comprobante/@Certificado y @NoCertificado" },
  CFDI_CERTIFICADO_NO_ES_CSD: { group: "sello", source: "CFF art. 29 fr. II; Anexo 20 (sello digital con CSD)" },
  CFDI_CERTIFICADO_NO_VIGENTE: { group: "sello", source: "CFF art. 29 fr. II; Anexo 20, Comprobante/@Fecha" },
  CFDI_CERTIFICADO_RFC_EMISOR: { group: "sello", source: "Anexo 20, Emisor/@Rfc (CFDI40 «RFC del certificado»)" },
  CFDI_CERTIFICADO_NO_CONFIABLE: { group: "sello", source: "CFF art. 17-D y 17-G (certificados emitidos por el SAT)" },
  CFDI_SELLO_INVALIDO: { group: "sello", source: "Anexo 20, Comprobante/@Sello sobre la cadena original (cadenaoriginal_4_0.xslt)" },
  CFDI_TIMBRE_AUSENTE: { group: "timbre", source: "CFF art. 29 fr. IV; TimbreFiscalDigitalv11.xsd" },
  CFDI_TIMBRE_SELLO_CFD: { group: "timbre", source: "TimbreFiscalDigitalv11.xsd, @SelloCFD" },
  CFDI_TIMBRE_CERTIFICADO_DESCONOCIDO: { group: "timbre", source: "TimbreFiscalDigitalv11.xsd, @NoCertificadoSAT" },
  CFDI_TIMBRE_SELLO_SAT_INVALIDO: { group: "timbre", source: "TimbreFiscalDigitalv11.xsd, @SelloSAT sobre cadenaoriginal_TFD_1_1.xslt" },
  CFDI_UUID_INVALIDO: { group: "timbre", source: "TimbreFiscalDigitalv11.xsd, @UUID (RFC 4122)" },
  CFDI_EMISOR_RFC: { group: "partes", source: "Contrato específico (proveedor); Anexo 20, Emisor/@Rfc" },
  CFDI_RECEPTOR_RFC: { group: "partes", source: "Anexo 20, Receptor/@Rfc (CFDI40143)" },
  CFDI_RECEPTOR_NOMBRE: { group: "partes", source: "Anexo 20, Receptor/@Nombre (CFDI40144, CFDI40145)" },
  CFDI_RECEPTOR_DOMICILIO_FISCAL: { group: "partes", source: "Anexo 20, Receptor/@DomicilioFiscalReceptor (CFDI40147–CFDI40149)" },
  CFDI_RECEPTOR_REGIMEN_FISCAL: { group: "partes", source: "Anexo 20, Receptor/@RegimenFiscalReceptor (CFDI40157–CFDI40159)" },
  CFDI_USO_CFDI_REGIMEN: { group: "partes", source: "Anexo 20, c_UsoCFDI columna «Régimen fiscal receptor» (CFDI40160, CFDI40161)" },
  CFDI_CONCEPTO_NO_RECONOCIDO: { group: "conceptos", source: "Contrato específico; Anexo 20, Concepto/@NoIdentificacion" },
  CFDI_CONCEPTO_CLAVE_PROD_SERV: {
    group: "conceptos",
    source: "Contrato específico; Anexo 20, Concepto/@ClaveProdServ (CFDI40162–CFDI40164)",
  },
  CFDI_CONCEPTO_CANTIDAD: { group: "conceptos", source: "Acta de entrega-recepción; LAASSP art. 51" },
  CFDI_CONCEPTO_VALOR_UNITARIO: { group: "conceptos", source: "Contrato específico (precio unitario)" },
  CFDI_CONCEPTO_IMPORTE: { group: "importes", source: "Anexo 20, Concepto/@Importe = Cantidad × ValorUnitario" },
  CFDI_SUBTOTAL: { group: "importes", source: "Anexo 20, Comprobante/@SubTotal = Σ Concepto/@Importe" },
  CFDI_IVA: { group: "importes", source: "LIVA art. 1; Anexo 20, Traslado (002, Tasa 0.160000, redondeo y límites del SAT)" },
  CFDI_TOTAL: { group: "importes", source: "Anexo 20, Comprobante/@Total (CFDI40119)" },
  CFDI_TOTAL_ADEUDADO: { group: "importes", source: "Contrato específico y recepción (lo adeudado por lo recibido)" },
  CFDI_UUID_DUPLICADO: { group: "pago", source: "LAASSP art. 51; Ley de Tesorería (un CFDI se paga una vez)" },
  CFDI_METODO_PAGO_PLAN: { group: "pago", source: "Anexo 20, @MetodoPago (PUE/PPD) y el plan de pagos del contrato" },
  CFDI_FORMA_PAGO_PPD: { group: "pago", source: "Anexo 20, @FormaPago = 99 cuando @MetodoPago = PPD" },
  CFDI_SAT_ESTADO: { group: "sat", source: "Servicio de Consulta de CFDI del SAT (ConsultaCFDIService)" },
  CFDI_SAT_EFOS: { group: "sat", source: "CFF art. 69-B (lista de EFOS)" },
  CFDI_SAT_NO_DISPONIBLE: { group: "sat", source: "Servicio de Consulta de CFDI del SAT (ConsultaCFDIService)" },
} as const

export type CfdiRuleId = keyof typeof CFDI_RULES

export const CFDI_RULE_IDS = Object.keys(CFDI_RULES) as CfdiRuleId[]
