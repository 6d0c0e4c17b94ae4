import { CFDI_RULE_IDS } from "./rules"
import { createCfdiFixtures } from "./testing/fixtures"
import { createCfdiTestPki } from "./testing/pki"
import { evaluateCfdi } from "./evaluate"
import { prepareCfdi, validateCfdi } from "./validate"

jest.setTimeout(240 * 1000)

describe("CFDI 4.0 validation engine", () => {
  const pki = createCfdiTestPki()
  const fixtures = createCfdiFixtures(pki)

  it("accepts the valid invoice, sealed with the supplier's CSD and stamped by the test PAC", async () => {
    const result = await validateCfdi(fixtures.valid.xml, fixtures.valid.context)
    expect(result.failures).toEqual([])
    expect(result.valid).toBe(true)
    expect(result.summary).toMatchObject({ uuid: fixtures.valid.uuid, emisor_rfc: "PIB040312A10", total: "1869.91", moneda: "MXN", metodo_pago: "PUE" })
    expect(result.cadena_original).toMatch(/^\|\|4\.0\|F\|\d+\|/)
  })

  it("has one fixture per rule", () => {
    expect(fixtures.breaking.map((f) => f.rule).sort()).toEqual([...CFDI_RULE_IDS].sort())
  })

  describe.each(fixtures.breaking.map((f) => [f.rule!, f] as const))("%s", (rule, fixture) => {
    it(`refuses «${fixture.description}» naming only that rule, with its field and a Spanish message`, async () => {
      const result = await validateCfdi(fixture.xml, fixture.context)
      expect(result.valid).toBe(false)
      expect(result.failures.map((f) => f.rule)).toEqual(expect.arrayContaining([rule]))
      expect([...new Set(result.failures.map((f) => f.rule))]).toEqual([rule])
      for (const f of result.failures) {
        expect(f.field).toMatch(/^\//)
        expect(f.message.length).toBeGreaterThan(20)
      }
    })
  })

  it("reports every failure of a CFDI that breaks several rules, not just the first", async () => {
    const prepared = await prepareCfdi(fixtures.valid.xml)
    const result = evaluateCfdi(prepared, {
      ...fixtures.valid.context,
      supplier: { rfc: "OFI991105FK3" },
      agency: { ...fixtures.valid.context.agency, domicilio_fiscal: "01000" },
      accepted_uuids: [fixtures.valid.uuid!],
      payment_plan: "parcialidades_o_diferido",
    })
    expect(result.failures.map((f) => f.rule).sort()).toEqual(
      ["CFDI_EMISOR_RFC", "CFDI_METODO_PAGO_PLAN", "CFDI_RECEPTOR_DOMICILIO_FISCAL", "CFDI_UUID_DUPLICADO"].sort()
    )
    expect(result.failures.find((f) => f.rule === "CFDI_RECEPTOR_DOMICILIO_FISCAL")).toEqual({
      rule: "CFDI_RECEPTOR_DOMICILIO_FISCAL",
      field: "/cfdi:Comprobante/cfdi:Receptor/@DomicilioFiscalReceptor",
      message: "El código postal del domicilio fiscal del receptor (06600) no es el de la dependencia (01000).",
    })
  })

  it("a PPD invoice and its complemento de pago (Pagos 2.0) pass", async () => {
    const invoice = await validateCfdi(fixtures.ppd.invoice.xml, fixtures.ppd.invoice.context)
    expect(invoice.failures).toEqual([])
    const payment = await validateCfdi(fixtures.ppd.payment.xml, fixtures.ppd.payment.context)
    expect(payment.failures).toEqual([])
    expect(payment.summary).toMatchObject({ tipo: "P", total: "0" })
    expect(payment.cadena_original).toContain(`|${fixtures.ppd.invoice.uuid}|`)
  })
})
