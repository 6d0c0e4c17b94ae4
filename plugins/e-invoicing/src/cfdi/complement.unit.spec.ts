import { randomUUID } from "node:crypto"
import { checkPaymentComplement } from "./complement"
import { buildPaymentComplement, sealCfdi, stampCfdi } from "./issue"
import { createCfdiFixtures, FIXTURE_AGENCY, FIXTURE_SUPPLIER, mexicoDateTime, TEST_PAC } from "./testing"
import { createCfdiTestPki } from "./testing/pki"
import { validateCfdi } from "./validate"

jest.setTimeout(120 * 1000)

describe("complemento de pago (Pagos 2.0)", () => {
  const pki = createCfdiTestPki()
  const fixtures = createCfdiFixtures(pki)
  const invoice = fixtures.ppd.invoice
  const total = /\sTotal="([^"]+)"/.exec(invoice.xml)![1]

  /** A complement of `paid` of the PPD invoice, sealed with the supplier's CSD and stamped by the test PAC. */
  function complement(paid: string, over: { uuid?: string; saldo?: string } = {}) {
    const now = new Date()
    const c = buildPaymentComplement({
      serie: "P",
      folio: "7",
      fecha: mexicoDateTime(new Date(now.getTime() - 60000)),
      lugar_expedicion: FIXTURE_SUPPLIER.codigo_postal,
      emisor: FIXTURE_SUPPLIER,
      receptor: FIXTURE_AGENCY,
      fecha_pago: `${mexicoDateTime(now).slice(0, 10)}T12:00:00`,
      documento: { uuid: over.uuid ?? invoice.uuid!, saldo_anterior: over.saldo ?? total, pagado: paid },
    })
    return stampCfdi(sealCfdi(c, fixtures.supplier_csd), pki.pac, {
      uuid: randomUUID().toUpperCase(),
      fecha_timbrado: mexicoDateTime(now),
      rfc_prov_certif: TEST_PAC.rfc,
    })
  }

  it("the built complement passes the CFDI engine (schema with Pagos20.xsd, seal, stamp, parties) and documents the payment", async () => {
    const xml = complement(total)
    const result = await validateCfdi(xml, fixtures.ppd.payment.context)
    expect(result.failures).toEqual([])
    expect(result.summary).toMatchObject({ tipo: "P", total: "0" })
    expect(checkPaymentComplement(xml, { invoice_uuid: invoice.uuid!.toLowerCase(), amount_paid: total })).toEqual({
      failures: [],
      summary: expect.objectContaining({ imp_pagado: total, saldo_insoluto: "0.00" }),
    })
  })

  it("a net payment (pena convencional withheld) leaves its balance insoluto, and must be declared as paid", async () => {
    const net = "1000.00"
    const xml = complement(net)
    expect(checkPaymentComplement(xml, { invoice_uuid: invoice.uuid!, amount_paid: net }).failures).toEqual([])
    expect(checkPaymentComplement(xml, { invoice_uuid: invoice.uuid!, amount_paid: total }).failures).toEqual([
      {
        rule: "PAGO_IMPORTE_PAGADO",
        field: expect.stringMatching(/pago20:DoctoRelacionado\/@ImpPagado$/),
        message: `El complemento declara un pago de 1000.00; por SPEI se pagaron ${total} de la factura ${invoice.uuid}.`,
      },
    ])
  })

  it("refuses a complement of another invoice, a wrong balance, and a CFDI without Pagos", async () => {
    const other = randomUUID().toUpperCase()
    expect(
      checkPaymentComplement(complement(total, { uuid: other }), { invoice_uuid: invoice.uuid!, amount_paid: total }).failures.map((f) => [
        f.rule,
        f.message,
      ]),
    ).toEqual([["PAGO_DOCUMENTO_RELACIONADO", `El complemento documenta el pago del CFDI ${other}, no el de la factura ${invoice.uuid}.`]])
    const badBalance = complement(total).replace(/ImpSaldoInsoluto="0\.00"/, 'ImpSaldoInsoluto="5.00"')
    expect(checkPaymentComplement(badBalance, { invoice_uuid: invoice.uuid!, amount_paid: total }).failures.map((f) => f.rule)).toEqual([
      "PAGO_SALDO_INSOLUTO",
    ])
    expect(checkPaymentComplement(invoice.xml, { invoice_uuid: invoice.uuid!, amount_paid: total }).failures.map((f) => f.rule)).toEqual([
      "PAGO_SIN_COMPLEMENTO",
    ])
  })
})
