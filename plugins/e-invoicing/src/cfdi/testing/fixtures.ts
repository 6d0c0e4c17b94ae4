import { nodeToXmlString, type XmlNode } from "@nodecfdi/cfdi-core"
import { Comprobante } from "@nodecfdi/cfdi-elements/cfdi40"
import { Pagos } from "@nodecfdi/cfdi-elements/pago20"
import { randomUUID, X509Certificate } from "node:crypto"
import { cadenaOriginalCfdi40 } from "../cadena"
import { buildInvoice, openCredential, signUtf8, stampCfdi, type InvoiceDraft, type SigningCredential, type StampOptions } from "../issue"
import { buildCreditNote, type CreditNoteRuleId } from "../credit-note"
import type { CfdiRuleId } from "../rules"
import type { CfdiValidationContext, ExpectedCfdiLine, SatStatusAnswer } from "../types"
import { TEST_PAC, type CfdiTestPki } from "./pki"

/** A CFDI and the context it is judged in; `rule` is the one rule it breaks (null: valid). */
export type CfdiFixture = {
  name: string
  rule: CfdiRuleId | null
  /** What is wrong with it, in Spanish (for people browsing the fixtures). */
  description: string
  xml: string
  context: CfdiValidationContext
  uuid: string | null
}

/** The demo parties of the fixtures (fictitious; RFCs with SAT's shape). */
export const FIXTURE_SUPPLIER = {
  rfc: "PIB040312A10",
  nombre: "PAPELERIA INDUSTRIAL DEL BAJIO",
  regimen_fiscal: "601",
  codigo_postal: "37000",
}
export const FIXTURE_OTHER_SUPPLIER = {
  rfc: "OFI991105FK3",
  nombre: "OFIMEX SUMINISTROS CORPORATIVOS",
  regimen_fiscal: "601",
  codigo_postal: "03100",
}
export const FIXTURE_AGENCY = { rfc: "SSA630502CU1", nombre: "SECRETARIA DE SALUD", domicilio_fiscal: "06600", regimen_fiscal: "603" }

const LINES: (ExpectedCfdiLine & { descripcion: string; clave_unidad: string; cantidad: string })[] = [
  {
    line_id: "linea-1",
    no_identificacion: "PIB-TIJ-01",
    clave_prod_serv: "44121618",
    unit_price: "150.00",
    receivable_quantity: "10",
    descripcion: "Tijeras de oficina de acero inoxidable, 21 cm",
    clave_unidad: "H87",
    cantidad: "10",
  },
  {
    line_id: "linea-2",
    no_identificacion: "PIB-CAR-02",
    clave_prod_serv: "44122011",
    unit_price: "37.33",
    receivable_quantity: "40",
    descripcion: "Carpeta de argollas tamaño carta, 1 pulgada",
    clave_unidad: "H87",
    cantidad: "3",
  },
]

/** "YYYY-MM-DDTHH:mm:ss" in Mexico City time (how CFDI dates are written). */
export function mexicoDateTime(d: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Mexico_City",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
}

type Variant = {
  name: string
  rule: CfdiRuleId | null
  description: string
  draft?: (d: InvoiceDraft) => void
  /** Change the element tree before it is sealed (amounts already computed). */
  beforeSeal?: (c: Comprobante) => void
  /** Seal with this credential instead of the supplier's CSD. */
  csd?: SigningCredential
  /** Change attributes after NoCertificado/Certificado are set, before signing. */
  beforeSign?: (c: XmlNode) => void
  afterSeal?: (xml: string) => string
  stamp?: false | Partial<StampOptions>
  pac?: SigningCredential
  afterStamp?: (xml: string) => string
  context?: (ctx: CfdiValidationContext, fixture: { xml: string; uuid: string | null; total: string }) => void
}

const setAttr = (xml: string, element: string, name: string, value: string) =>
  xml.replace(new RegExp(`(<${element}\\b[^>]*?\\s${name}=")[^"]*(")`), `$1${value}$2`)

/**
 * Generates the CFDI fixtures: one valid invoice issued with a demo
 * supplier's CSD and stamped by the test PAC, one invoice breaking each
 * rule (only that rule), and a PPD invoice with its complemento de pago
 * (Pagos 2.0). Each comes with the context it is judged in, including SAT's
 * answer; `sat` lets a caller register them with simulators/sat instead.
 */
export function createCfdiFixtures(pki: CfdiTestPki, options: { now?: Date } = {}) {
  const now = options.now ?? new Date()
  const fecha = mexicoDateTime(new Date(now.getTime() - 3600 * 1000))
  const fechaTimbrado = mexicoDateTime(new Date(now.getTime() - 3500 * 1000))
  const supplierCsd = pki.csd({ rfc: FIXTURE_SUPPLIER.rfc, name: FIXTURE_SUPPLIER.nombre })
  const otherSupplierCsd = pki.csd({ rfc: FIXTURE_OTHER_SUPPLIER.rfc, name: FIXTURE_OTHER_SUPPLIER.nombre })
  const pacDer = pki.pac.cer_der.toString("base64")
  const vigente: SatStatusAnswer = {
    kind: "answered",
    found: true,
    estado: "Vigente",
    efos_listed: false,
    es_cancelable: "Cancelable con aceptación",
    estatus_cancelacion: "",
    codigo_estatus: "S - Comprobante obtenido satisfactoriamente.",
  }

  const baseDraft = (): InvoiceDraft => ({
    serie: "F",
    folio: String(1000 + Math.floor(Math.random() * 9000)),
    fecha,
    forma_pago: "03",
    metodo_pago: "PUE",
    lugar_expedicion: FIXTURE_SUPPLIER.codigo_postal,
    emisor: { rfc: FIXTURE_SUPPLIER.rfc, nombre: FIXTURE_SUPPLIER.nombre, regimen_fiscal: FIXTURE_SUPPLIER.regimen_fiscal },
    receptor: {
      rfc: FIXTURE_AGENCY.rfc,
      nombre: FIXTURE_AGENCY.nombre,
      domicilio_fiscal: FIXTURE_AGENCY.domicilio_fiscal,
      regimen_fiscal: FIXTURE_AGENCY.regimen_fiscal,
      uso_cfdi: "G01",
    },
    conceptos: LINES.map((l) => ({
      clave_prod_serv: l.clave_prod_serv,
      no_identificacion: l.no_identificacion,
      cantidad: l.cantidad,
      clave_unidad: l.clave_unidad,
      unidad: "Pieza",
      descripcion: l.descripcion,
      valor_unitario: l.unit_price,
    })),
  })
  const baseContext = (): CfdiValidationContext => ({
    supplier: { rfc: FIXTURE_SUPPLIER.rfc },
    agency: { ...FIXTURE_AGENCY },
    expected_lines: LINES.map(({ line_id, no_identificacion, clave_prod_serv, unit_price, receivable_quantity }) => ({
      line_id,
      no_identificacion,
      clave_prod_serv,
      unit_price,
      receivable_quantity,
    })),
    amount_owed: null,
    accepted_uuids: [],
    payment_plan: "una_exhibicion",
    stamp_certificates: { [pki.pac.serial]: pacDer },
    trusted_authorities: [new X509Certificate(pki.ca.cert_der)],
    sat_status: vigente,
  })

  const seal = (c: XmlNode, csd: SigningCredential, beforeSign?: (c: XmlNode) => void) => {
    const credential = openCredential(csd)
    c.addAttributes({
      NoCertificado: credential.certificate().serialNumber().bytes(),
      Certificado: credential.certificate().pemAsOneLine(),
      Sello: "",
    })
    beforeSign?.(c)
    c.addAttributes({ Sello: signUtf8(credential, cadenaOriginalCfdi40(nodeToXmlString(c, true))) })
    return nodeToXmlString(c, true)
  }

  const make = (v: Variant): CfdiFixture => {
    const draft = baseDraft()
    v.draft?.(draft)
    const c = buildInvoice(draft)
    v.beforeSeal?.(c)
    let xml = seal(c, v.csd ?? supplierCsd, v.beforeSign)
    xml = v.afterSeal ? v.afterSeal(xml) : xml
    let uuid: string | null = null
    if (v.stamp !== false) {
      uuid = v.stamp?.uuid ?? randomUUID().toUpperCase()
      xml = stampCfdi(xml, v.pac ?? pki.pac, { uuid, fecha_timbrado: fechaTimbrado, rfc_prov_certif: TEST_PAC.rfc, ...(v.stamp ?? {}) })
    }
    xml = v.afterStamp ? v.afterStamp(xml) : xml
    const context = baseContext()
    const total = /\sTotal="([^"]+)"/.exec(xml)?.[1] ?? "0"
    context.amount_owed = { total, currency: "MXN" }
    v.context?.(context, { xml, uuid, total })
    return { name: v.name, rule: v.rule, description: v.description, xml, context, uuid }
  }

  const concept = (c: Comprobante, i = 0) => c.getConceptos().children().get(i) as XmlNode
  const otherPac = pki.csd({ rfc: "OPA990101AB2", name: "OTRO PAC NO RECONOCIDO" })

  const valid = make({
    name: "valido",
    rule: null,
    description: "Factura válida: sellada con el CSD del proveedor, timbrada por el PAC de pruebas y vigente en el SAT.",
  })

  const breaking: CfdiFixture[] = [
    {
      ...valid,
      name: "xml-mal-formado",
      rule: "CFDI_XML_MAL_FORMADO",
      description: "El XML está truncado.",
      xml: valid.xml.slice(0, Math.floor(valid.xml.length / 2)),
    },
    make({
      name: "esquema-invalido",
      rule: "CFDI_ESQUEMA_INVALIDO",
      description: "Falta el atributo requerido Exportacion.",
      beforeSeal: (c) => c.attributes().delete("Exportacion"),
    }),
    make({
      name: "tipo-comprobante",
      rule: "CFDI_TIPO_COMPROBANTE",
      description: "Es un CFDI de egreso (E), no de ingreso.",
      beforeSeal: (c) => c.addAttributes({ TipoDeComprobante: "E" }),
    }),
    make({
      name: "catalogo-regimen-fiscal",
      rule: "CFDI_CATALOGO_REGIMEN_FISCAL",
      description: "Régimen fiscal del emisor 600, inexistente.",
      draft: (d) => void (d.emisor.regimen_fiscal = "600"),
    }),
    make({
      name: "catalogo-uso-cfdi",
      rule: "CFDI_CATALOGO_USO_CFDI",
      description: "UsoCFDI G99, inexistente.",
      draft: (d) => void (d.receptor.uso_cfdi = "G99"),
    }),
    make({
      name: "catalogo-forma-pago",
      rule: "CFDI_CATALOGO_FORMA_PAGO",
      description: "FormaPago 77, inexistente.",
      draft: (d) => void (d.forma_pago = "77"),
    }),
    make({
      name: "catalogo-metodo-pago",
      rule: "CFDI_CATALOGO_METODO_PAGO",
      description: "MetodoPago PIP, inexistente.",
      beforeSeal: (c) => c.addAttributes({ MetodoPago: "PIP" }),
    }),
    make({
      name: "catalogo-clave-unidad",
      rule: "CFDI_CATALOGO_CLAVE_UNIDAD",
      description: "ClaveUnidad ZZZ, inexistente.",
      draft: (d) => void (d.conceptos[0].clave_unidad = "ZZZ"),
    }),
    make({
      name: "catalogo-objeto-imp",
      rule: "CFDI_CATALOGO_OBJETO_IMP",
      description: "ObjetoImp 09, inexistente.",
      beforeSeal: (c) => concept(c).addAttributes({ ObjetoImp: "09" }),
    }),
    make({
      name: "catalogo-moneda",
      rule: "CFDI_CATALOGO_MONEDA",
      description: "Moneda MXP (el peso anterior a 1993), no está en c_Moneda.",
      draft: (d) => void (d.moneda = "MXP"),
    }),
    make({
      name: "certificado-invalido",
      rule: "CFDI_CERTIFICADO_INVALIDO",
      description: "NoCertificado no corresponde al certificado incluido.",
      beforeSign: (c) => c.addAttributes({ NoCertificado: "30001000000500003416" }),
    }),
    make({
      name: "certificado-no-es-csd",
      rule: "CFDI_CERTIFICADO_NO_ES_CSD",
      description: "Sellado con la e.firma del proveedor, no con un CSD.",
      csd: pki.csd({ rfc: FIXTURE_SUPPLIER.rfc, name: FIXTURE_SUPPLIER.nombre }, { kind: "efirma" }),
    }),
    make({
      name: "certificado-no-vigente",
      rule: "CFDI_CERTIFICADO_NO_VIGENTE",
      description: "El CSD venció antes de la fecha del comprobante.",
      csd: pki.csd(
        { rfc: FIXTURE_SUPPLIER.rfc, name: FIXTURE_SUPPLIER.nombre },
        { valid_from: new Date(now.getTime() - 3 * 365 * 86400000), valid_to: new Date(now.getTime() - 2 * 86400000) },
      ),
    }),
    make({
      name: "certificado-rfc-emisor",
      rule: "CFDI_CERTIFICADO_RFC_EMISOR",
      description: "Sellado con el CSD de otro contribuyente.",
      csd: otherSupplierCsd,
    }),
    make({
      name: "certificado-no-confiable",
      rule: "CFDI_CERTIFICADO_NO_CONFIABLE",
      description: "El CSD lo emitió una autoridad que no es el SAT.",
      csd: pki.csd({ rfc: FIXTURE_SUPPLIER.rfc, name: FIXTURE_SUPPLIER.nombre }, { untrusted: true }),
    }),
    make({
      name: "sello-invalido",
      rule: "CFDI_SELLO_INVALIDO",
      description: "Se cambió la descripción de un concepto después de sellar.",
      afterSeal: (xml) => xml.replace("Tijeras de oficina", "Tijeras de jardín"),
    }),
    make({ name: "timbre-ausente", rule: "CFDI_TIMBRE_AUSENTE", description: "No está timbrado.", stamp: false }),
    make({
      name: "timbre-sello-cfd",
      rule: "CFDI_TIMBRE_SELLO_CFD",
      description: "El timbre es de otro comprobante (SelloCFD distinto).",
      stamp: { sello_cfd: Buffer.from("otro comprobante").toString("base64") },
    }),
    make({
      name: "timbre-certificado-desconocido",
      rule: "CFDI_TIMBRE_CERTIFICADO_DESCONOCIDO",
      description: "Lo timbró un certificado que no es del SAT ni de un PAC.",
      pac: otherPac,
    }),
    make({
      name: "timbre-sello-sat-invalido",
      rule: "CFDI_TIMBRE_SELLO_SAT_INVALIDO",
      description: "Se cambió la fecha de timbrado después de timbrar.",
      afterStamp: (xml) => setAttr(xml, "tfd:TimbreFiscalDigital", "FechaTimbrado", fecha),
    }),
    make({
      name: "uuid-invalido",
      rule: "CFDI_UUID_INVALIDO",
      description: "El UUID es el nulo.",
      stamp: { uuid: "00000000-0000-0000-0000-000000000000" },
    }),
    make({
      name: "emisor-rfc",
      rule: "CFDI_EMISOR_RFC",
      description: "Lo emite otro proveedor, no el del contrato.",
      csd: otherSupplierCsd,
      draft: (d) => void (d.emisor = { rfc: FIXTURE_OTHER_SUPPLIER.rfc, nombre: FIXTURE_OTHER_SUPPLIER.nombre, regimen_fiscal: "601" }),
    }),
    make({
      name: "receptor-rfc",
      rule: "CFDI_RECEPTOR_RFC",
      description: "El receptor es otra dependencia.",
      draft: (d) => void (d.receptor.rfc = "SEP210905AB1"),
    }),
    make({
      name: "receptor-nombre",
      rule: "CFDI_RECEPTOR_NOMBRE",
      description: "El nombre del receptor no es el registrado en el SAT.",
      draft: (d) => void (d.receptor.nombre = "SECRETARIA DE SALUD FEDERAL"),
    }),
    make({
      name: "receptor-domicilio-fiscal",
      rule: "CFDI_RECEPTOR_DOMICILIO_FISCAL",
      description: "Código postal fiscal del receptor equivocado.",
      draft: (d) => void (d.receptor.domicilio_fiscal = "06700"),
    }),
    make({
      name: "receptor-regimen-fiscal",
      rule: "CFDI_RECEPTOR_REGIMEN_FISCAL",
      description: "Régimen fiscal del receptor 601 en lugar de 603.",
      draft: (d) => void (d.receptor.regimen_fiscal = "601"),
    }),
    make({
      name: "uso-cfdi-regimen",
      rule: "CFDI_USO_CFDI_REGIMEN",
      description: "UsoCFDI D01 (honorarios médicos) no aplica al régimen 603.",
      draft: (d) => void (d.receptor.uso_cfdi = "D01"),
    }),
    make({
      name: "concepto-no-reconocido",
      rule: "CFDI_CONCEPTO_NO_RECONOCIDO",
      description: "Un concepto no corresponde a ninguna partida del contrato.",
      draft: (d) => void (d.conceptos[1].no_identificacion = "PIB-XXX-99"),
    }),
    make({
      name: "concepto-clave-prod-serv",
      rule: "CFDI_CONCEPTO_CLAVE_PROD_SERV",
      description: "ClaveProdServ distinta a la del artículo.",
      draft: (d) => void (d.conceptos[0].clave_prod_serv = "44121619"),
    }),
    make({
      name: "concepto-cantidad",
      rule: "CFDI_CONCEPTO_CANTIDAD",
      description: "Se facturan 10 tijeras y solo se recibieron 8.",
      context: (ctx) => void (ctx.expected_lines[0].receivable_quantity = "8"),
    }),
    make({
      name: "concepto-valor-unitario",
      rule: "CFDI_CONCEPTO_VALOR_UNITARIO",
      description: "Precio unitario 155.00 en lugar del precio del contrato 150.00.",
      draft: (d) => void (d.conceptos[0].valor_unitario = "155.00"),
    }),
    make({
      name: "concepto-importe",
      rule: "CFDI_CONCEPTO_IMPORTE",
      description: "El importe no es cantidad por valor unitario.",
      beforeSeal: (c) => concept(c).addAttributes({ Cantidad: "10.01" }),
      context: (ctx) => void (ctx.expected_lines[0].receivable_quantity = "20"),
    }),
    make({
      name: "subtotal",
      rule: "CFDI_SUBTOTAL",
      description: "El subtotal no es la suma de los importes.",
      beforeSeal: (c) => c.addAttributes({ SubTotal: "1600.00" }),
    }),
    make({
      name: "iva",
      rule: "CFDI_IVA",
      description: "IVA de un concepto fuera de los límites de redondeo del SAT (y el resumen y el total ajustados a él).",
      beforeSeal: (c) => {
        const t = concept(c).searchNode("cfdi:Impuestos", "cfdi:Traslados", "cfdi:Traslado")!
        t.addAttributes({ Importe: "240.05" })
        const resumen = c.getImpuestos()
        const row = resumen.searchNode("cfdi:Traslados", "cfdi:Traslado")!
        row.addAttributes({ Importe: "257.97" })
        resumen.addAttributes({ TotalImpuestosTrasladados: "257.97" })
        c.addAttributes({ Total: "1869.96" })
      },
    }),
    make({
      name: "total",
      rule: "CFDI_TOTAL",
      description: "El total no cuadra con subtotal e impuestos.",
      beforeSeal: (c) => c.addAttributes({ Total: "1870.41" }),
    }),
    make({
      name: "total-adeudado",
      rule: "CFDI_TOTAL_ADEUDADO",
      description: "El total no es lo que se adeuda por lo recibido.",
      context: (ctx) => void (ctx.amount_owed = { total: "1769.91", currency: "MXN" }),
    }),
    make({
      name: "uuid-duplicado",
      rule: "CFDI_UUID_DUPLICADO",
      description: "El UUID ya se aceptó antes.",
      context: (ctx, f) => void (ctx.accepted_uuids = [f.uuid!.toLowerCase()]),
    }),
    make({
      name: "metodo-pago-plan",
      rule: "CFDI_METODO_PAGO_PLAN",
      description: "PPD en un contrato de pago en una exhibición.",
      draft: (d) => Object.assign(d, { metodo_pago: "PPD", forma_pago: "99" }),
    }),
    make({
      name: "forma-pago-ppd",
      rule: "CFDI_FORMA_PAGO_PPD",
      description: "PPD con forma de pago 03 en lugar de 99.",
      draft: (d) => void (d.metodo_pago = "PPD"),
      context: (ctx) => void (ctx.payment_plan = "parcialidades_o_diferido"),
    }),
    make({
      name: "sat-estado",
      rule: "CFDI_SAT_ESTADO",
      description: "El SAT lo reporta cancelado.",
      context: (ctx) =>
        void (ctx.sat_status = {
          ...vigente,
          estado: "Cancelado",
          es_cancelable: "Cancelable sin aceptación",
          estatus_cancelacion: "Cancelado sin aceptación",
        }),
    }),
    make({
      name: "sat-efos",
      rule: "CFDI_SAT_EFOS",
      description: "El emisor está en la lista 69-B (EFOS).",
      context: (ctx) => void (ctx.sat_status = { ...vigente, efos_listed: true }),
    }),
    make({
      name: "sat-no-disponible",
      rule: "CFDI_SAT_NO_DISPONIBLE",
      description: "El SAT no respondió.",
      context: (ctx) => void (ctx.sat_status = { kind: "unavailable", reason: "sin respuesta en 2000 ms" }),
    }),
  ]

  const ppdInvoice = make({
    name: "ppd-factura",
    rule: null,
    description: "Factura PPD (pago diferido) válida: forma de pago 99.",
    draft: (d) => Object.assign(d, { metodo_pago: "PPD", forma_pago: "99" }),
    context: (ctx) => void (ctx.payment_plan = "parcialidades_o_diferido"),
  })
  const payment = buildPaymentComplement(pki, supplierCsd, ppdInvoice, {
    fecha: mexicoDateTime(now),
    fechaTimbrado: mexicoDateTime(new Date(now.getTime() + 60000)),
  })
  const credit = creditNoteFixtures(pki, supplierCsd, valid, {
    fecha: mexicoDateTime(now),
    fechaTimbrado: mexicoDateTime(new Date(now.getTime() + 60000)),
  })
  return { valid, breaking, ppd: { invoice: ppdInvoice, payment }, credit_note: credit, supplier_csd: supplierCsd }
}

/** A nota de crédito fixture: what it breaks, and the invoice and penalty it is judged against. */
export type CreditNoteFixture = Omit<CfdiFixture, "rule"> & {
  rule: CfdiRuleId | CreditNoteRuleId | null
  /** The invoice whose payment withheld the penalty, and the penalty. */
  expected: { invoice_uuid: string; penalty: string }
}

/** The penalty the credit-note fixtures are for (withheld from the valid invoice's payment). */
export const FIXTURE_PENALTY = "25.00"

/**
 * Notas de crédito (CFDI de egreso) for a pena convencional withheld from
 * the valid invoice's payment: a valid one, and one breaking each of its
 * own rules (amount, relation type, related UUID) and the type (an ingreso).
 */
function creditNoteFixtures(
  pki: CfdiTestPki,
  csd: SigningCredential,
  invoice: CfdiFixture,
  dates: { fecha: string; fechaTimbrado: string },
): { valid: CreditNoteFixture; breaking: CreditNoteFixture[] } {
  let folio = 0
  const make = (
    name: string,
    rule: CreditNoteFixture["rule"],
    description: string,
    over: { amount?: string; tipo_relacion?: string; invoice_uuid?: string; tipo?: string } = {},
  ): CreditNoteFixture => {
    const c = buildCreditNote({
      serie: "NC",
      folio: String(++folio),
      fecha: dates.fecha,
      lugar_expedicion: FIXTURE_SUPPLIER.codigo_postal,
      emisor: FIXTURE_SUPPLIER,
      receptor: FIXTURE_AGENCY,
      invoice_uuid: over.invoice_uuid ?? invoice.uuid!,
      amount: over.amount ?? FIXTURE_PENALTY,
      tipo_relacion: over.tipo_relacion,
    })
    if (over.tipo) {
      c.addAttributes({ TipoDeComprobante: over.tipo })
    }
    const credential = openCredential(csd)
    c.addAttributes({
      NoCertificado: credential.certificate().serialNumber().bytes(),
      Certificado: credential.certificate().pemAsOneLine(),
      Sello: "",
    })
    c.addAttributes({ Sello: signUtf8(credential, cadenaOriginalCfdi40(nodeToXmlString(c, true))) })
    const uuid = randomUUID().toUpperCase()
    const xml = stampCfdi(nodeToXmlString(c, true), pki.pac, { uuid, fecha_timbrado: dates.fechaTimbrado, rfc_prov_certif: TEST_PAC.rfc })
    return {
      name,
      rule,
      description,
      xml,
      uuid,
      context: { ...invoice.context, expected_type: "E", expected_lines: [], amount_owed: null, accepted_uuids: [invoice.uuid!] },
      expected: { invoice_uuid: invoice.uuid!, penalty: FIXTURE_PENALTY },
    }
  }
  return {
    valid: make(
      "nota-credito-pena",
      null,
      `Nota de crédito (egreso) válida por la pena convencional de ${FIXTURE_PENALTY} retenida de la factura válida.`,
    ),
    breaking: [
      make("nota-credito-importe", "NOTA_CREDITO_IMPORTE", "La nota de crédito no es por el importe de la pena retenida.", {
        amount: "30.00",
      }),
      make("nota-credito-relacion", "NOTA_CREDITO_RELACION", "Relaciona la factura con TipoRelacion 07 (anticipo), no 01.", {
        tipo_relacion: "07",
      }),
      make(
        "nota-credito-documento",
        "NOTA_CREDITO_DOCUMENTO_RELACIONADO",
        "Relaciona otro CFDI, no la factura de la que se retuvo la pena.",
        {
          invoice_uuid: randomUUID().toUpperCase(),
        },
      ),
      make("nota-credito-tipo", "CFDI_TIPO_COMPROBANTE", "Es un CFDI de ingreso (I), no de egreso (E).", { tipo: "I" }),
    ],
  }
}

/**
 * The complemento de pago (CFDI type P with Pagos 2.0) for one SPEI payment
 * of the whole PPD invoice: one Pago, one DoctoRelacionado with IVA 16 %.
 */
function buildPaymentComplement(
  pki: CfdiTestPki,
  csd: SigningCredential,
  invoice: CfdiFixture,
  dates: { fecha: string; fechaTimbrado: string },
): CfdiFixture {
  const total = /\sTotal="([^"]+)"/.exec(invoice.xml)![1]
  const base = /<cfdi:Impuestos TotalImpuestosTrasladados="[^"]+"><cfdi:Traslados><cfdi:Traslado Base="([^"]+)"/.exec(invoice.xml)![1]
  const iva = /TotalImpuestosTrasladados="([^"]+)"/.exec(invoice.xml)![1]
  const c = new Comprobante({
    Serie: "P",
    Folio: "1",
    Fecha: dates.fecha,
    SubTotal: "0",
    Moneda: "XXX",
    Total: "0",
    TipoDeComprobante: "P",
    Exportacion: "01",
    LugarExpedicion: FIXTURE_SUPPLIER.codigo_postal,
  })
  c.addEmisor({ Rfc: FIXTURE_SUPPLIER.rfc, Nombre: FIXTURE_SUPPLIER.nombre, RegimenFiscal: FIXTURE_SUPPLIER.regimen_fiscal })
  c.addReceptor({
    Rfc: FIXTURE_AGENCY.rfc,
    Nombre: FIXTURE_AGENCY.nombre,
    DomicilioFiscalReceptor: FIXTURE_AGENCY.domicilio_fiscal,
    RegimenFiscalReceptor: FIXTURE_AGENCY.regimen_fiscal,
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
  pagos.addTotales({ TotalTrasladosBaseIVA16: base, TotalTrasladosImpuestoIVA16: iva, MontoTotalPagos: total })
  const pago = pagos.addPago({
    FechaPago: `${dates.fecha.slice(0, 10)}T12:00:00`,
    FormaDePagoP: "03",
    MonedaP: "MXN",
    TipoCambioP: "1",
    Monto: total,
  })
  const docto = pago.addDoctoRelacionado({
    IdDocumento: invoice.uuid!,
    Serie: "F",
    MonedaDR: "MXN",
    EquivalenciaDR: "1",
    NumParcialidad: "1",
    ImpSaldoAnt: total,
    ImpPagado: total,
    ImpSaldoInsoluto: "0.00",
    ObjetoImpDR: "02",
  })
  docto
    .addImpuestosDR()
    .addTrasladosDR()
    .addTrasladoDR({ BaseDR: base, ImpuestoDR: "002", TipoFactorDR: "Tasa", TasaOCuotaDR: "0.160000", ImporteDR: iva })
  pago
    .addImpuestosP()
    .addTrasladosP()
    .addTrasladoP({ BaseP: base, ImpuestoP: "002", TipoFactorP: "Tasa", TasaOCuotaP: "0.160000", ImporteP: iva })
  c.addComplemento(pagos)
  const credential = openCredential(csd)
  c.addAttributes({
    NoCertificado: credential.certificate().serialNumber().bytes(),
    Certificado: credential.certificate().pemAsOneLine(),
    Sello: "",
  })
  c.addAttributes({ Sello: signUtf8(credential, cadenaOriginalCfdi40(nodeToXmlString(c, true))) })
  const uuid = randomUUID().toUpperCase()
  const xml = stampCfdi(nodeToXmlString(c, true), pki.pac, { uuid, fecha_timbrado: dates.fechaTimbrado, rfc_prov_certif: TEST_PAC.rfc })
  return {
    name: "ppd-complemento-pago",
    rule: null,
    description: "Complemento de pago (Pagos 2.0) del pago SPEI de la factura PPD.",
    xml,
    uuid,
    context: { ...invoice.context, expected_type: "P", expected_lines: [], amount_owed: null, accepted_uuids: [] },
  }
}
