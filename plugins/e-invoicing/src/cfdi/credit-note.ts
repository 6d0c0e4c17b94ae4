import { Comprobante } from "@nodecfdi/cfdi-elements/cfdi40"
import { parseCfdi } from "./document"
import { D, dec, fmt } from "./money"

/**
 * What a nota de crédito (CFDI de egreso, type E) for a withheld pena
 * convencional must say, beyond what the CFDI engine checks of every CFDI
 * (schema, type E, catalogs, seal, stamp, parties, UUID never accepted
 * before, SAT status): it relates the invoice as a nota de crédito
 * (TipoRelacion 01) and credits exactly the penalty withheld from that
 * invoice's payment. Stable ids, reported in the engine's failure shape.
 */
export const CREDIT_NOTE_RULES = {
  NOTA_CREDITO_RELACION: { source: "Anexo 20, CfdiRelacionados/@TipoRelacion = 01 (nota de crédito de los documentos relacionados)" },
  NOTA_CREDITO_DOCUMENTO_RELACIONADO: { source: "Anexo 20, CfdiRelacionado/@UUID = UUID de la factura" },
  NOTA_CREDITO_IMPORTE: { source: "LAASSP art. 53; RLAASSP art. 95 (pena convencional aplicada al pago)" },
} as const

export type CreditNoteRuleId = keyof typeof CREDIT_NOTE_RULES
export type CreditNoteFailure = { rule: CreditNoteRuleId; field: string; message: string }
export type CreditNoteSummary = { tipo_relacion: string | null; related_uuids: string[]; total: string | null }

const C = "/cfdi:Comprobante"

/**
 * Checks that a nota de crédito credits `expected`: a CfdiRelacionados with
 * TipoRelacion 01 relating the invoice's UUID, and a Total equal to the
 * penalty withheld (exact decimals). Pure; every failure reported.
 */
export function checkCreditNote(
  xml: string,
  expected: { invoice_uuid: string; penalty: string },
): { failures: CreditNoteFailure[]; summary: CreditNoteSummary } {
  const summary: CreditNoteSummary = { tipo_relacion: null, related_uuids: [], total: null }
  const parsed = parseCfdi(xml)
  if (!parsed.ok) {
    return { failures: [], summary } // the engine reports CFDI_XML_MAL_FORMADO
  }
  const all = parsed.model.all
  const uuid = expected.invoice_uuid.toUpperCase()
  const failures: CreditNoteFailure[] = []
  const groups = all.filter((n) => n.name === "cfdi:CfdiRelacionados")
  const related = all.filter((n) => n.name === "cfdi:CfdiRelacionado")
  summary.related_uuids = related.map((r) => (r.attrs.UUID ?? "").trim().toUpperCase())
  const toInvoice = related.find((r) => (r.attrs.UUID ?? "").trim().toUpperCase() === uuid)
  const group = toInvoice ? groups.find((g) => toInvoice.path.startsWith(`${g.path}/`)) : groups[0]
  summary.tipo_relacion = group?.attrs.TipoRelacion ?? null
  if (!toInvoice) {
    failures.push({
      rule: "NOTA_CREDITO_DOCUMENTO_RELACIONADO",
      field: related[0] ? `${related[0].path}/@UUID` : `${C}/cfdi:CfdiRelacionados`,
      message: related[0]
        ? `La nota de crédito relaciona el CFDI ${related[0].attrs.UUID ?? "(sin UUID)"}, no la factura ${uuid} de la que se retuvo la pena.`
        : `La nota de crédito no relaciona ningún CFDI; debe relacionar la factura ${uuid} (CfdiRelacionados, TipoRelacion 01).`,
    })
  }
  if (group && group.attrs.TipoRelacion !== "01") {
    failures.push({
      rule: "NOTA_CREDITO_RELACION",
      field: `${group.path}/@TipoRelacion`,
      message: `La nota de crédito relaciona la factura con el tipo de relación «${group.attrs.TipoRelacion ?? "sin tipo"}»; debe ser 01 (nota de crédito de los documentos relacionados).`,
    })
  }
  const comprobante = all.find((n) => n.name === "cfdi:Comprobante")
  summary.total = comprobante?.attrs.Total ?? null
  const total = dec(summary.total ?? "")
  if (!total || !total.eq(expected.penalty)) {
    failures.push({
      rule: "NOTA_CREDITO_IMPORTE",
      field: `${C}/@Total`,
      message: `La nota de crédito es por ${summary.total ?? "(sin total)"}; la pena convencional retenida del pago de la factura ${uuid} es ${new D(expected.penalty).toFixed(2)}.`,
    })
  }
  return { failures, summary }
}

export type CreditNoteDraft = {
  serie?: string
  folio?: string
  /** Local date-time without zone, "YYYY-MM-DDTHH:mm:ss". */
  fecha: string
  lugar_expedicion: string
  emisor: { rfc: string; nombre: string; regimen_fiscal: string }
  receptor: { rfc: string; nombre: string; domicilio_fiscal: string; regimen_fiscal: string }
  /** The invoice credited (its UUID) and the penalty withheld from its payment. */
  invoice_uuid: string
  amount: string
  /** c_TipoRelacion; "01" (nota de crédito) by default. */
  tipo_relacion?: string
  /** c_FormaPago; "17" (compensación: the penalty is set off against the payment) by default. */
  forma_pago?: string
  /** What the concept says; default names the pena convencional. */
  descripcion?: string
}

/**
 * A nota de crédito (CFDI de egreso, type E) for a pena convencional: one
 * concept (84111506, ACT) not subject to tax (ObjetoImp 01: a contractual
 * penalty is not consideration for goods or services), SubTotal = Total =
 * the penalty, PUE, UsoCFDI G02 (devoluciones, descuentos o bonificaciones),
 * and the invoice related with TipoRelacion 01. Returns the element tree.
 */
export function buildCreditNote(draft: CreditNoteDraft): Comprobante {
  const amount = fmt(new D(draft.amount), 2)
  const c = new Comprobante({
    ...(draft.serie ? { Serie: draft.serie } : {}),
    ...(draft.folio ? { Folio: draft.folio } : {}),
    Fecha: draft.fecha,
    FormaPago: draft.forma_pago ?? "17",
    SubTotal: amount,
    Moneda: "MXN",
    Total: amount,
    TipoDeComprobante: "E",
    Exportacion: "01",
    MetodoPago: "PUE",
    LugarExpedicion: draft.lugar_expedicion,
  })
  c.addCfdiRelacionados({ TipoRelacion: draft.tipo_relacion ?? "01" }).addCfdiRelacionado({ UUID: draft.invoice_uuid })
  c.addEmisor({ Rfc: draft.emisor.rfc, Nombre: draft.emisor.nombre, RegimenFiscal: draft.emisor.regimen_fiscal })
  c.addReceptor({
    Rfc: draft.receptor.rfc,
    Nombre: draft.receptor.nombre,
    DomicilioFiscalReceptor: draft.receptor.domicilio_fiscal,
    RegimenFiscalReceptor: draft.receptor.regimen_fiscal,
    UsoCFDI: "G02",
  })
  c.addConcepto({
    ClaveProdServ: "84111506",
    Cantidad: "1",
    ClaveUnidad: "ACT",
    Descripcion: draft.descripcion ?? "Pena convencional por atraso en la entrega",
    ValorUnitario: amount,
    Importe: amount,
    ObjetoImp: "01",
  })
  return c
}
