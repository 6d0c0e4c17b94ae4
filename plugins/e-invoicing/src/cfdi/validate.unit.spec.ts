import { CFDI_RULE_IDS, type CfdiRuleId } from "./rules"
import { createCfdiFixtures } from "./testing/fixtures"
import { createCfdiTestPki } from "./testing/pki"
import { evaluateCfdi } from "./evaluate"
import { prepareCfdi, validateCfdi } from "./validate"

jest.setTimeout(240 * 1000)

const C = "/cfdi:Comprobante"
const TFD = `${C}/cfdi:Complemento/tfd:TimbreFiscalDigital`
const CONCEPTO = (n: number) => `${C}/cfdi:Conceptos/cfdi:Concepto[${n}]`
/** The field each fixture's (first) failure must name. */
const FIELD: Record<CfdiRuleId, string> = {
  CFDI_XML_MAL_FORMADO: "/",
  CFDI_ESQUEMA_INVALIDO: `${C}/@Exportacion`,
  CFDI_TIPO_COMPROBANTE: `${C}/@TipoDeComprobante`,
  CFDI_CATALOGO_REGIMEN_FISCAL: `${C}/cfdi:Emisor/@RegimenFiscal`,
  CFDI_CATALOGO_USO_CFDI: `${C}/cfdi:Receptor/@UsoCFDI`,
  CFDI_CATALOGO_FORMA_PAGO: `${C}/@FormaPago`,
  CFDI_CATALOGO_METODO_PAGO: `${C}/@MetodoPago`,
  CFDI_CATALOGO_CLAVE_UNIDAD: `${CONCEPTO(1)}/@ClaveUnidad`,
  CFDI_CATALOGO_OBJETO_IMP: `${CONCEPTO(1)}/@ObjetoImp`,
  CFDI_CATALOGO_MONEDA: `${C}/@Moneda`,
  CFDI_CERTIFICADO_INVALIDO: `${C}/@NoCertificado`,
  CFDI_CERTIFICADO_NO_ES_CSD: `${C}/@Certificado`,
  CFDI_CERTIFICADO_NO_VIGENTE: `${C}/@Fecha`,
  CFDI_CERTIFICADO_RFC_EMISOR: `${C}/cfdi:Emisor/@Rfc`,
  CFDI_CERTIFICADO_NO_CONFIABLE: `${C}/@Certificado`,
  CFDI_SELLO_INVALIDO: `${C}/@Sello`,
  CFDI_TIMBRE_AUSENTE: TFD,
  CFDI_TIMBRE_SELLO_CFD: `${TFD}/@SelloCFD`,
  CFDI_TIMBRE_CERTIFICADO_DESCONOCIDO: `${TFD}/@NoCertificadoSAT`,
  CFDI_TIMBRE_SELLO_SAT_INVALIDO: `${TFD}/@SelloSAT`,
  CFDI_UUID_INVALIDO: `${TFD}/@UUID`,
  CFDI_EMISOR_RFC: `${C}/cfdi:Emisor/@Rfc`,
  CFDI_RECEPTOR_RFC: `${C}/cfdi:Receptor/@Rfc`,
  CFDI_RECEPTOR_NOMBRE: `${C}/cfdi:Receptor/@Nombre`,
  CFDI_RECEPTOR_DOMICILIO_FISCAL: `${C}/cfdi:Receptor/@DomicilioFiscalReceptor`,
  CFDI_RECEPTOR_REGIMEN_FISCAL: `${C}/cfdi:Receptor/@RegimenFiscalReceptor`,
  CFDI_USO_CFDI_REGIMEN: `${C}/cfdi:Receptor/@UsoCFDI`,
  CFDI_CONCEPTO_NO_RECONOCIDO: `${CONCEPTO(2)}/@NoIdentificacion`,
  CFDI_CONCEPTO_CLAVE_PROD_SERV: `${CONCEPTO(1)}/@ClaveProdServ`,
  CFDI_CONCEPTO_CANTIDAD: `${CONCEPTO(1)}/@Cantidad`,
  CFDI_CONCEPTO_VALOR_UNITARIO: `${CONCEPTO(1)}/@ValorUnitario`,
  CFDI_CONCEPTO_IMPORTE: `${CONCEPTO(1)}/@Importe`,
  CFDI_SUBTOTAL: `${C}/@SubTotal`,
  CFDI_IVA: `${CONCEPTO(1)}/cfdi:Impuestos/cfdi:Traslados/cfdi:Traslado/@Importe`,
  CFDI_TOTAL: `${C}/@Total`,
  CFDI_TOTAL_ADEUDADO: `${C}/@Total`,
  CFDI_UUID_DUPLICADO: `${TFD}/@UUID`,
  CFDI_METODO_PAGO_PLAN: `${C}/@MetodoPago`,
  CFDI_FORMA_PAGO_PPD: `${C}/@FormaPago`,
  CFDI_SAT_ESTADO: `${TFD}/@UUID`,
  CFDI_SAT_EFOS: `${C}/cfdi:Emisor/@Rfc`,
  CFDI_SAT_NO_DISPONIBLE: `${TFD}/@UUID`,
}

describe("CFDI 4.0 validation engine", () => {
  const pki = createCfdiTestPki()
  const fixtures = createCfdiFixtures(pki)

  it("accepts the valid invoice, sealed with the supplier's CSD and stamped by the test PAC", async () => {
    const result = await validateCfdi(fixtures.valid.xml, fixtures.valid.context)
    expect(result.failures).toEqual([])
    expect(result.valid).toBe(true)
    expect(result.summary).toMatchObject({
      uuid: fixtures.valid.uuid,
      emisor_rfc: "PIB040312A10",
      total: "1869.91",
      moneda: "MXN",
      metodo_pago: "PUE",
    })
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
      expect(result.failures[0].field).toBe(FIELD[rule])
      for (const f of result.failures) {
        expect(f.field).toMatch(/^\//)
        expect(f.message.length).toBeGreaterThan(20)
      }
    })
  })

  it("explains in Spanish with the values at fault", async () => {
    const messageOf = async (rule: CfdiRuleId) => {
      const f = fixtures.breaking.find((x) => x.rule === rule)!
      return (await validateCfdi(f.xml, f.context)).failures[0].message
    }
    expect(await messageOf("CFDI_CATALOGO_REGIMEN_FISCAL")).toBe(
      "El régimen fiscal «600» no existe en el catálogo c_RegimenFiscal del SAT.",
    )
    expect(await messageOf("CFDI_CONCEPTO_CANTIDAD")).toBe(
      "Se facturan 10 unidades del artículo PIB-TIJ-01, pero solo 8 se recibieron y están pendientes de facturar.",
    )
    expect(await messageOf("CFDI_IVA")).toBe(
      "El IVA del concepto (240.05) no corresponde a 1500.00 × 0.160000 = 240.00 (el SAT admite de 239.99 a 240.01).",
    )
    expect(await messageOf("CFDI_ESQUEMA_INVALIDO")).toBe("No cumple el esquema XSD del SAT: falta el atributo requerido Exportacion.")
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
      ["CFDI_EMISOR_RFC", "CFDI_METODO_PAGO_PLAN", "CFDI_RECEPTOR_DOMICILIO_FISCAL", "CFDI_UUID_DUPLICADO"].sort(),
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
