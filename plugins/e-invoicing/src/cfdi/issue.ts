import { nodeFromXmlString, nodeToXmlString, type XmlNode } from "@nodecfdi/cfdi-core"
import { Comprobante } from "@nodecfdi/cfdi-elements/cfdi40"
import { Pagos } from "@nodecfdi/cfdi-elements/pago20"
import { TimbreFiscalDigital } from "@nodecfdi/cfdi-elements/tfd11"
import { Credential } from "@nodecfdi/credentials/node"
import { cadenaOriginalCfdi40, cadenaOriginalTfd11 } from "./cadena"
import { currencyDecimals } from "./catalogs"
import { D, fmt, round, sum, type Decimal } from "./money"

/**
 * Issuing side, for the test PAC (simulators/sat), the fixtures and the
 * demo: build a CFDI 4.0 with @nodecfdi/cfdi-elements, seal it with a CSD
 * (@nodecfdi/credentials) over SAT's cadena original, and stamp it with a
 * TimbreFiscalDigital 1.1. Real suppliers use their own invoicing software.
 */

/** A certificate and its encrypted private key, as SAT issues them (.cer/.key DER). */
export type SigningCredential = { cer_der: Buffer; key_der: Buffer; password: string }

export function openCredential(c: SigningCredential): Credential {
  return Credential.create(c.cer_der.toString("binary"), c.key_der.toString("binary"), c.password)
}

/** Base64 RSASSA-PKCS1-v1_5/SHA-256 over the UTF-8 bytes of `text`. */
export function signUtf8(credential: Credential, text: string): string {
  // credentials hashes the string's char codes: hand it the UTF-8 bytes.
  return Buffer.from(credential.sign(Buffer.from(text, "utf8").toString("binary")), "binary").toString("base64")
}

export type InvoiceLineDraft = {
  clave_prod_serv: string
  no_identificacion: string
  cantidad: string
  clave_unidad: string
  unidad?: string
  descripcion: string
  valor_unitario: string
  /** "02" (taxable, default) or another c_ObjetoImp. */
  objeto_imp?: string
  /** IVA TasaOCuota; "0.160000" by default. */
  iva_rate?: string
}

export type InvoiceDraft = {
  serie?: string
  folio?: string
  /** Local date-time without zone, "YYYY-MM-DDTHH:mm:ss". */
  fecha: string
  forma_pago: string
  metodo_pago: "PUE" | "PPD"
  moneda?: string
  lugar_expedicion: string
  emisor: { rfc: string; nombre: string; regimen_fiscal: string }
  receptor: { rfc: string; nombre: string; domicilio_fiscal: string; regimen_fiscal: string; uso_cfdi: string }
  conceptos: InvoiceLineDraft[]
}

/**
 * An invoice (ingreso) with its amounts computed as SAT asks: Importe =
 * Cantidad × ValorUnitario, IVA per concept rounded half-up to the
 * currency's decimals, the tax summary and Total. Returns the element tree
 * (callers may still change it before sealing).
 */
export function buildInvoice(draft: InvoiceDraft): Comprobante {
  const moneda = draft.moneda ?? "MXN"
  const d = currencyDecimals(moneda)
  const c = new Comprobante({
    ...(draft.serie ? { Serie: draft.serie } : {}),
    ...(draft.folio ? { Folio: draft.folio } : {}),
    Fecha: draft.fecha,
    FormaPago: draft.forma_pago,
    SubTotal: "0",
    Moneda: moneda,
    Total: "0",
    TipoDeComprobante: "I",
    Exportacion: "01",
    MetodoPago: draft.metodo_pago,
    LugarExpedicion: draft.lugar_expedicion,
  })
  c.addEmisor({ Rfc: draft.emisor.rfc, Nombre: draft.emisor.nombre, RegimenFiscal: draft.emisor.regimen_fiscal })
  c.addReceptor({
    Rfc: draft.receptor.rfc,
    Nombre: draft.receptor.nombre,
    DomicilioFiscalReceptor: draft.receptor.domicilio_fiscal,
    RegimenFiscalReceptor: draft.receptor.regimen_fiscal,
    UsoCFDI: draft.receptor.uso_cfdi,
  })
  const importes: Decimal[] = []
  const taxes = new Map<string, { base: Decimal; importe: Decimal }>()
  for (const line of draft.conceptos) {
    const importe = round(new D(line.cantidad).times(line.valor_unitario), d)
    importes.push(importe)
    const objeto = line.objeto_imp ?? "02"
    const concepto = c.addConcepto({
      ClaveProdServ: line.clave_prod_serv,
      NoIdentificacion: line.no_identificacion,
      Cantidad: line.cantidad,
      ClaveUnidad: line.clave_unidad,
      ...(line.unidad ? { Unidad: line.unidad } : {}),
      Descripcion: line.descripcion,
      ValorUnitario: line.valor_unitario,
      Importe: fmt(importe, d),
      ObjetoImp: objeto,
    })
    if (objeto === "02") {
      const rate = line.iva_rate ?? "0.160000"
      const iva = round(importe.times(rate), d)
      concepto.addTraslado({ Base: fmt(importe, d), Impuesto: "002", TipoFactor: "Tasa", TasaOCuota: rate, Importe: fmt(iva, d) })
      const t = taxes.get(rate) ?? { base: new D(0), importe: new D(0) }
      taxes.set(rate, { base: t.base.plus(importe), importe: t.importe.plus(iva) })
    }
  }
  const subtotal = sum(importes)
  const trasladados = sum([...taxes.values()].map((t) => t.importe))
  if (taxes.size) {
    const impuestos = c.addImpuestos({ TotalImpuestosTrasladados: fmt(trasladados, d) })
    for (const [rate, t] of taxes) {
      impuestos
        .addTraslados()
        .addTraslado({ Base: fmt(t.base, d), Impuesto: "002", TipoFactor: "Tasa", TasaOCuota: rate, Importe: fmt(t.importe, d) })
    }
  }
  c.addAttributes({ SubTotal: fmt(subtotal, d), Total: fmt(subtotal.plus(trasladados), d) })
  return c
}

export type PaymentComplementDraft = {
  serie?: string
  folio?: string
  /** Local date-time without zone, "YYYY-MM-DDTHH:mm:ss". */
  fecha: string
  lugar_expedicion: string
  emisor: { rfc: string; nombre: string; regimen_fiscal: string }
  receptor: { rfc: string; nombre: string; domicilio_fiscal: string; regimen_fiscal: string }
  /** When the money arrived ("YYYY-MM-DDTHH:mm:ss") and how (c_FormaPago, "03" = SPEI). */
  fecha_pago: string
  forma_pago?: string
  /** The PPD invoice paid: its UUID, the balance before, what was paid, the installment number. */
  documento: {
    uuid: string
    serie?: string
    folio?: string
    saldo_anterior: string
    pagado: string
    parcialidad?: number
    iva_rate?: string
  }
}

/**
 * A complemento de recepción de pagos (CFDI type P with Pagos 2.0) for one
 * payment of one PPD invoice taxed with IVA at one rate: SubTotal and Total
 * 0, moneda XXX, the single "Pago" concept, one Pago with one
 * DoctoRelacionado (ImpSaldoInsoluto = saldo anterior − pagado) and the
 * IVA paid split back from the amount (base = pagado ÷ (1 + tasa), half-up).
 */
export function buildPaymentComplement(draft: PaymentComplementDraft): Comprobante {
  const rate = draft.documento.iva_rate ?? "0.160000"
  const paid = new D(draft.documento.pagado)
  const base = round(paid.div(new D(1).plus(rate)), 2)
  const iva = paid.minus(base)
  const c = new Comprobante({
    ...(draft.serie ? { Serie: draft.serie } : {}),
    ...(draft.folio ? { Folio: draft.folio } : {}),
    Fecha: draft.fecha,
    SubTotal: "0",
    Moneda: "XXX",
    Total: "0",
    TipoDeComprobante: "P",
    Exportacion: "01",
    LugarExpedicion: draft.lugar_expedicion,
  })
  c.addEmisor({ Rfc: draft.emisor.rfc, Nombre: draft.emisor.nombre, RegimenFiscal: draft.emisor.regimen_fiscal })
  c.addReceptor({
    Rfc: draft.receptor.rfc,
    Nombre: draft.receptor.nombre,
    DomicilioFiscalReceptor: draft.receptor.domicilio_fiscal,
    RegimenFiscalReceptor: draft.receptor.regimen_fiscal,
    UsoCFDI: "CP01",
  })
  c.addConcepto({
    ClaveProdServ: "84111506",
    Cantidad: "1",
    ClaveUnidad: "ACT",
    Descripcion: "Pago",
    ValorUnitario: "0",
    Importe: "0",
    ObjetoImp: "01",
  })
  const pagos = new Pagos()
  const isIva16 = new D(rate).eq("0.16")
  pagos.addTotales({
    ...(isIva16 ? { TotalTrasladosBaseIVA16: fmt(base, 2), TotalTrasladosImpuestoIVA16: fmt(iva, 2) } : {}),
    MontoTotalPagos: fmt(paid, 2),
  })
  const pago = pagos.addPago({
    FechaPago: draft.fecha_pago,
    FormaDePagoP: draft.forma_pago ?? "03",
    MonedaP: "MXN",
    TipoCambioP: "1",
    Monto: fmt(paid, 2),
  })
  const docto = pago.addDoctoRelacionado({
    IdDocumento: draft.documento.uuid,
    ...(draft.documento.serie ? { Serie: draft.documento.serie } : {}),
    ...(draft.documento.folio ? { Folio: draft.documento.folio } : {}),
    MonedaDR: "MXN",
    EquivalenciaDR: "1",
    NumParcialidad: String(draft.documento.parcialidad ?? 1),
    ImpSaldoAnt: fmt(new D(draft.documento.saldo_anterior), 2),
    ImpPagado: fmt(paid, 2),
    ImpSaldoInsoluto: fmt(new D(draft.documento.saldo_anterior).minus(paid), 2),
    ObjetoImpDR: "02",
  })
  docto
    .addImpuestosDR()
    .addTrasladosDR()
    .addTrasladoDR({ BaseDR: fmt(base, 2), ImpuestoDR: "002", TipoFactorDR: "Tasa", TasaOCuotaDR: rate, ImporteDR: fmt(iva, 2) })
  pago
    .addImpuestosP()
    .addTrasladosP()
    .addTrasladoP({ BaseP: fmt(base, 2), ImpuestoP: "002", TipoFactorP: "Tasa", TasaOCuotaP: rate, ImporteP: fmt(iva, 2) })
  c.addComplemento(pagos)
  return c
}

/**
 * Seals a comprobante with a CSD: sets NoCertificado and Certificado,
 * computes the cadena original with SAT's XSLT and signs it (Sello).
 * Returns the XML text.
 */
export function sealCfdi(comprobante: XmlNode, csd: SigningCredential): string {
  const credential = openCredential(csd)
  const cert = credential.certificate()
  comprobante.addAttributes({
    NoCertificado: cert.serialNumber().bytes(),
    Certificado: cert.pemAsOneLine(),
    Sello: "",
  })
  const cadena = cadenaOriginalCfdi40(nodeToXmlString(comprobante, true))
  comprobante.addAttributes({ Sello: signUtf8(credential, cadena) })
  return nodeToXmlString(comprobante, true)
}

export type StampOptions = {
  uuid: string
  /** "YYYY-MM-DDTHH:mm:ss", the PAC's local time. */
  fecha_timbrado: string
  /** The PAC's RFC. */
  rfc_prov_certif: string
  leyenda?: string
  /** Tests only: stamp this SelloCFD instead of the comprobante's Sello. */
  sello_cfd?: string
}

const CHILD_ORDER = [
  "cfdi:InformacionGlobal",
  "cfdi:CfdiRelacionados",
  "cfdi:Emisor",
  "cfdi:Receptor",
  "cfdi:Conceptos",
  "cfdi:Impuestos",
  "cfdi:Complemento",
  "cfdi:Addenda",
]

/**
 * Stamps a sealed CFDI as a PAC does: a TimbreFiscalDigital 1.1 with the
 * UUID, the comprobante's Sello as SelloCFD, the PAC certificate number and
 * SelloSAT over the TFD's cadena original, added to the Complemento.
 */
export function stampCfdi(sealedXml: string, pac: SigningCredential, options: StampOptions): string {
  const credential = openCredential(pac)
  const root = nodeFromXmlString(sealedXml)
  const tfd = new TimbreFiscalDigital({
    UUID: options.uuid,
    FechaTimbrado: options.fecha_timbrado,
    RfcProvCertif: options.rfc_prov_certif,
    ...(options.leyenda ? { Leyenda: options.leyenda } : {}),
    SelloCFD: options.sello_cfd ?? root.getAttribute("Sello"),
    NoCertificadoSAT: credential.certificate().serialNumber().bytes(),
    SelloSAT: "",
  })
  tfd.setAttribute("SelloSAT", signUtf8(credential, cadenaOriginalTfd11(nodeToXmlString(tfd))))
  let complemento = root.searchNode("cfdi:Complemento")
  if (!complemento) {
    complemento = nodeFromXmlString('<cfdi:Complemento xmlns:cfdi="http://www.sat.gob.mx/cfd/4"/>')
    complemento.attributes().delete("xmlns:cfdi")
    root.children().add(complemento)
    root.children().setOrder(CHILD_ORDER)
    root.children().order()
  }
  complemento.children().add(tfd)
  return nodeToXmlString(root, true)
}
