import { parseCfdi, type CfdiNode } from "./document"
import { dec, D } from "./money"

/**
 * What a complemento de pago (CFDI type P, Pagos 2.0) must say about the
 * payment it documents, beyond what the CFDI engine checks of every CFDI
 * (schema with Pagos20.xsd, seal, stamp, parties, SAT status): stable ids,
 * reported in the engine's failure shape.
 */
export const PAYMENT_COMPLEMENT_RULES = {
  PAGO_SIN_COMPLEMENTO: { source: "Anexo 20 (CFDI tipo P); Pagos20.xsd" },
  PAGO_DOCUMENTO_RELACIONADO: { source: "Pagos20.xsd, DoctoRelacionado/@IdDocumento = UUID de la factura PPD" },
  PAGO_IMPORTE_PAGADO: { source: "Pagos20.xsd, DoctoRelacionado/@ImpPagado = lo pagado por SPEI" },
  PAGO_SALDO_INSOLUTO: { source: "Pagos20.xsd, @ImpSaldoInsoluto = @ImpSaldoAnt − @ImpPagado" },
} as const

export type PaymentComplementRuleId = keyof typeof PAYMENT_COMPLEMENT_RULES
export type PaymentComplementFailure = { rule: PaymentComplementRuleId; field: string; message: string }

export type PaymentComplementSummary = {
  fecha_pago: string | null
  monto: string | null
  imp_pagado: string | null
  saldo_insoluto: string | null
}

const COMPLEMENTO = "/cfdi:Comprobante/cfdi:Complemento"

/**
 * Checks that a payment complement documents `expected`: a Pagos 2.0
 * complement with a DoctoRelacionado for the invoice's UUID, paying exactly
 * what the SPEI transfer paid (the payment request's net), with its balance
 * arithmetic right. Pure; every failure reported.
 */
export function checkPaymentComplement(
  xml: string,
  expected: { invoice_uuid: string; amount_paid: string },
): { failures: PaymentComplementFailure[]; summary: PaymentComplementSummary } {
  const summary: PaymentComplementSummary = { fecha_pago: null, monto: null, imp_pagado: null, saldo_insoluto: null }
  const parsed = parseCfdi(xml)
  if (!parsed.ok) {
    return { failures: [], summary } // the engine reports CFDI_XML_MAL_FORMADO
  }
  const all = parsed.model.all
  const pagos = all.find((n) => n.name === "pago20:Pagos")
  if (!pagos) {
    return {
      failures: [
        { rule: "PAGO_SIN_COMPLEMENTO", field: COMPLEMENTO, message: "El CFDI no trae el complemento de recepción de pagos (Pagos 2.0)." },
      ],
      summary,
    }
  }
  const uuid = expected.invoice_uuid.toUpperCase()
  const doctos = all.filter((n) => n.name === "pago20:DoctoRelacionado")
  const docto = doctos.find((d) => (d.attrs.IdDocumento ?? "").trim().toUpperCase() === uuid)
  if (!docto) {
    const first: CfdiNode | undefined = doctos[0]
    return {
      failures: [
        {
          rule: "PAGO_DOCUMENTO_RELACIONADO",
          field: first ? `${first.path}/@IdDocumento` : `${all.find((n) => n.name === "pago20:Pago")?.path ?? pagos.path}`,
          message: first
            ? `El complemento documenta el pago del CFDI ${first.attrs.IdDocumento ?? "(sin UUID)"}, no el de la factura ${uuid}.`
            : `El complemento no relaciona ningún documento; debe relacionar la factura ${uuid}.`,
        },
      ],
      summary,
    }
  }
  const pago = all.find((n) => n.name === "pago20:Pago" && docto.path.startsWith(`${n.path}/`))
  summary.fecha_pago = pago?.attrs.FechaPago ?? null
  summary.monto = pago?.attrs.Monto ?? null
  summary.imp_pagado = docto.attrs.ImpPagado ?? null
  summary.saldo_insoluto = docto.attrs.ImpSaldoInsoluto ?? null
  const failures: PaymentComplementFailure[] = []
  const paid = dec(docto.attrs.ImpPagado)
  if (!paid || !paid.eq(expected.amount_paid)) {
    failures.push({
      rule: "PAGO_IMPORTE_PAGADO",
      field: `${docto.path}/@ImpPagado`,
      message: `El complemento declara un pago de ${docto.attrs.ImpPagado ?? "(nada)"}; por SPEI se pagaron ${new D(expected.amount_paid).toFixed(2)} de la factura ${uuid}.`,
    })
  }
  const before = dec(docto.attrs.ImpSaldoAnt)
  const after = dec(docto.attrs.ImpSaldoInsoluto)
  if (!before || !after || !paid || !before.minus(paid).eq(after)) {
    failures.push({
      rule: "PAGO_SALDO_INSOLUTO",
      field: `${docto.path}/@ImpSaldoInsoluto`,
      message: `El saldo insoluto (${docto.attrs.ImpSaldoInsoluto ?? "sin dato"}) no es el saldo anterior (${docto.attrs.ImpSaldoAnt ?? "sin dato"}) menos lo pagado (${docto.attrs.ImpPagado ?? "sin dato"}).`,
    })
  }
  return { failures, summary }
}
