import { readFileSync } from "node:fs"
import { join } from "node:path"
import { checkCreditNote, CREDIT_NOTE_RULES } from "./credit-note"
import { createCfdiFixtures } from "./testing"
import { createCfdiTestPki } from "./testing/pki"
import { validateCfdi } from "./validate"

jest.setTimeout(120 * 1000)

describe("nota de crédito (CFDI de egreso) for a withheld pena convencional", () => {
  const pki = createCfdiTestPki()
  const { credit_note: fixtures, valid: invoice } = createCfdiFixtures(pki)

  /** Engine failures (type E) plus the credit note's own. */
  async function judge(f: (typeof fixtures)["valid"]) {
    const engine = await validateCfdi(f.xml, f.context)
    const own = checkCreditNote(f.xml, f.expected)
    return { engine, own, rules: [...engine.failures, ...own.failures].map((x) => x.rule) }
  }

  it("the built credit note passes the CFDI engine as type E (schema, catalogs, seal, stamp, parties) and credits the penalty", async () => {
    const { engine, own, rules } = await judge(fixtures.valid)
    expect(rules).toEqual([])
    expect(engine.summary).toMatchObject({ tipo: "E", total: "25.00", metodo_pago: "PUE", forma_pago: "17" })
    expect(own.summary).toEqual({ tipo_relacion: "01", related_uuids: [invoice.uuid], total: "25.00" })
  })

  it.each(fixtures.breaking.map((f) => [f.name, f] as const))("%s breaks exactly its rule", async (_name, f) => {
    const { rules } = await judge(f)
    expect(rules).toEqual([f.rule])
  })

  it("names the field and says why, in Spanish", async () => {
    const byRule = Object.fromEntries(fixtures.breaking.map((f) => [f.rule, f]))
    expect(checkCreditNote(byRule.NOTA_CREDITO_IMPORTE.xml, byRule.NOTA_CREDITO_IMPORTE.expected).failures).toEqual([
      {
        rule: "NOTA_CREDITO_IMPORTE",
        field: "/cfdi:Comprobante/@Total",
        message: `La nota de crédito es por 30.00; la pena convencional retenida del pago de la factura ${invoice.uuid} es 25.00.`,
      },
    ])
    expect(checkCreditNote(byRule.NOTA_CREDITO_RELACION.xml, byRule.NOTA_CREDITO_RELACION.expected).failures).toEqual([
      {
        rule: "NOTA_CREDITO_RELACION",
        field: "/cfdi:Comprobante/cfdi:CfdiRelacionados/@TipoRelacion",
        message:
          "La nota de crédito relaciona la factura con el tipo de relación «07»; debe ser 01 (nota de crédito de los documentos relacionados).",
      },
    ])
    const type = await validateCfdi(byRule.CFDI_TIPO_COMPROBANTE.xml, byRule.CFDI_TIPO_COMPROBANTE.context)
    expect(type.failures).toEqual([
      {
        rule: "CFDI_TIPO_COMPROBANTE",
        field: "/cfdi:Comprobante/@TipoDeComprobante",
        message: "El comprobante es de tipo «I»; la nota de crédito por la pena convencional debe ser un CFDI de egreso (E).",
      },
    ])
  })

  it("docs/e-invoicing.md documents every credit-note rule (and no other)", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "..", "..", "docs", "e-invoicing.md"), "utf8")
    const table = [...doc.matchAll(/^\| `(NOTA_CREDITO_[A-Z_]+)` \|/gm)].map((m) => m[1])
    expect(table.sort()).toEqual(Object.keys(CREDIT_NOTE_RULES).sort())
  })

  it("an invoice is not a credit note: no relation, and its total is not the penalty", () => {
    expect(checkCreditNote(invoice.xml, { invoice_uuid: invoice.uuid!, penalty: "25.00" }).failures.map((f) => f.rule)).toEqual([
      "NOTA_CREDITO_DOCUMENTO_RELACIONADO",
      "NOTA_CREDITO_IMPORTE",
    ])
  })
})
