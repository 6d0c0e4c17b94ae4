import {
  buildInvoice,
  querySatStatus,
  satAuthorization,
  satExpression,
  sealCfdi,
  validateCfdi,
  type CfdiValidationContext,
  type CfdiValidationServices,
} from "@tienda/e-invoicing/cfdi"
import { caKeyPem } from "@tienda/contracts/efirma"
import { createCfdiFixtures, createCfdiTestPki, FIXTURE_AGENCY, FIXTURE_SUPPLIER, mexicoDateTime } from "@tienda/e-invoicing/cfdi/testing"
import { X509Certificate } from "node:crypto"
import request from "supertest"
import { freePort } from "../../utils/ports"
import { createSatSimulator } from "../../../simulators/sat/src/app"

// The SAT simulator on its own (no Medusa app): its SOAP status service as
// the real @nodecfdi/sat-estado-cfdi client reads it, the test PAC, the EFOS
// list, the certificate repository and the seeded faults; and the CFDI
// engine's async adapter against it.
jest.setTimeout(10 * 60 * 1000) // sized for a slow machine (see utils/runner.ts)

let PORT = 0
let url = ""
// Answers the simulator gives must never miss the client's timeout, even on a
// loaded CI machine; only the injected hang (longer than FAULT_TIMEOUT_MS) must.
const TIMEOUT_MS = 15000
const FAULT_TIMEOUT_MS = 2500

describe("SAT simulator", () => {
  const schema = `sat_test_${process.pid}`
  const pki = createCfdiTestPki()
  const fixtures = createCfdiFixtures(pki)
  let sim: Awaited<ReturnType<typeof createSatSimulator>>

  const servicesWithTimeout = (timeoutMs: number): CfdiValidationServices => ({
    satStatus: (expression) => querySatStatus(expression, { url: `${url}/ConsultaCFDIService.svc`, timeoutMs }),
    stampCertificate: async (no) => {
      const r = await fetch(`${url}/api/v1/certificados/${no}`, { signal: AbortSignal.timeout(timeoutMs) })
      if (r.status === 404) {
        return null
      }
      if (!r.ok) {
        throw new Error(`HTTP ${r.status}`)
      }
      return ((await r.json()) as { certificado: string }).certificado
    },
  })
  const services = servicesWithTimeout(TIMEOUT_MS)
  /** For the fault tests: a client that gives up before the injected hang ends. */
  const impatient = servicesWithTimeout(FAULT_TIMEOUT_MS)
  /** The fixtures' context, minus what the adapter must fetch (SAT's answer, the PAC certificate). */
  const contextFor = (xml: string): CfdiValidationContext => {
    const { sat_status: _s, stamp_certificates: _c, ...rest } = fixtures.valid.context
    const total = /\sTotal="([^"]+)"/.exec(xml)![1]
    return { ...rest, stamp_certificates: {}, amount_owed: { total, currency: "MXN" } }
  }
  /** A fresh invoice sealed with the demo supplier's CSD and stamped by the simulator's PAC. */
  const stampNew = async (folio: string) => {
    const c = buildInvoice({
      serie: "S",
      folio,
      fecha: mexicoDateTime(new Date(Date.now() - 600000)),
      forma_pago: "03",
      metodo_pago: "PUE",
      lugar_expedicion: FIXTURE_SUPPLIER.codigo_postal,
      emisor: { rfc: FIXTURE_SUPPLIER.rfc, nombre: FIXTURE_SUPPLIER.nombre, regimen_fiscal: "601" },
      receptor: {
        rfc: FIXTURE_AGENCY.rfc,
        nombre: FIXTURE_AGENCY.nombre,
        domicilio_fiscal: FIXTURE_AGENCY.domicilio_fiscal,
        regimen_fiscal: "603",
        uso_cfdi: "G01",
      },
      conceptos: [
        {
          clave_prod_serv: "44121618",
          no_identificacion: "PIB-TIJ-01",
          cantidad: "4",
          clave_unidad: "H87",
          descripcion: "Tijeras de oficina",
          valor_unitario: "150.00",
        },
      ],
    })
    const sealed = sealCfdi(c, fixtures.supplier_csd)
    const res = await request(url).post("/api/v1/pac/timbrar").set("Content-Type", "text/xml").send(sealed)
    expect(res.status).toBe(201)
    return { sealed, uuid: res.body.uuid as string, xml: res.body.xml as string }
  }

  beforeAll(async () => {
    const e = process.env
    sim = await createSatSimulator({
      databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
      schema,
      ca: { cert_der: pki.ca.cert_der, key_pem: caKeyPem(pki.ca) },
      faults: { hangMs: FAULT_TIMEOUT_MS + 4000 },
    })
    PORT = await freePort()
    url = `http://127.0.0.1:${PORT}`
    await sim.listen(PORT)
  })
  afterAll(async () => {
    await sim.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await sim.close()
  })
  beforeEach(() => {
    Object.assign(sim.faults, { rate500: 0, rateTimeout: 0, rateGarbage: 0, rateNotFound: 0, latencyMs: 0, seed: null })
  })

  it("publishes its OpenAPI description and a health check", async () => {
    const spec = await request(url).get("/openapi.json").expect(200)
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(["/ConsultaCFDIService.svc", "/api/v1/pac/timbrar", "/api/v1/efos", "/api/v1/certificados/{serial}"]),
    )
    await request(url).get("/health").expect(200, { status: "ok" })
  })

  it("the test PAC stamps a sealed CFDI that the engine accepts, asking SAT through @nodecfdi/sat-estado-cfdi; stamping it again returns the same UUID", async () => {
    const { sealed, uuid, xml } = await stampNew("1")
    expect(uuid).toMatch(/^[0-9A-F-]{36}$/)
    expect(xml).toContain(`NoCertificadoSAT="${sim.pacCertificate.serial}"`)
    const result = await validateCfdi(xml, contextFor(xml), services)
    expect(result.failures).toEqual([])
    expect(result.summary?.uuid).toBe(uuid)

    const again = await request(url).post("/api/v1/pac/timbrar").send({ xml: sealed }).expect(200)
    expect(again.body).toMatchObject({ uuid, previamente_timbrado: true })
    // The stamp is a real TimbreFiscalDigital 1.1 signed by a certificate of the test CA.
    const pacCert = new X509Certificate(Buffer.from(sim.pacCertificate.der_base64, "base64"))
    expect(pacCert.checkIssued(new X509Certificate(pki.ca.cert_der))).toBe(true)
  })

  it("a cancelled CFDI, an unknown one and one asked with another total are refused with SAT's answer", async () => {
    const { uuid, xml } = await stampNew("2")
    await request(url).post(`/api/v1/cfdi/${uuid}/cancelar`).expect(200)
    const cancelled = await validateCfdi(xml, contextFor(xml), services)
    expect(cancelled.failures.map((f) => f.rule)).toEqual(["CFDI_SAT_ESTADO"])
    expect(cancelled.failures[0].message).toMatch(/cancelado \(Cancelado sin aceptación\)/)
    expect(cancelled.retryable).toBe(false)

    // Never stamped by this PAC (the fixtures are stamped offline): SAT does not know it.
    const unknown = await validateCfdi(
      fixtures.valid.xml,
      { ...contextFor(fixtures.valid.xml), stamp_certificates: fixtures.valid.context.stamp_certificates },
      services,
    )
    expect(unknown.failures.map((f) => f.rule)).toEqual(["CFDI_SAT_ESTADO"])
    expect(unknown.failures[0].message).toMatch(/N - 602/)

    const fresh = await stampNew("3")
    const otherTotal = satExpression(fresh.xml).replace(/tt=[0-9.]+/, "tt=1.00")
    expect(await querySatStatus(otherTotal, { url: `${url}/ConsultaCFDIService.svc`, timeoutMs: TIMEOUT_MS })).toMatchObject({
      kind: "answered",
      found: false,
      estado: "No Encontrado",
    })
  })

  it("an issuer in the EFOS 69-B list (presunto or definitivo) is refused; desvirtuado is not", async () => {
    const { xml } = await stampNew("4")
    await request(url)
      .post("/api/v1/efos")
      .send({ rfc: FIXTURE_SUPPLIER.rfc, nombre: FIXTURE_SUPPLIER.nombre, situacion: "definitivo" })
      .expect(201)
    const listed = await validateCfdi(xml, contextFor(xml), services)
    expect(listed.failures.map((f) => f.rule)).toEqual(["CFDI_SAT_EFOS"])
    expect(listed.failures[0].field).toBe("/cfdi:Comprobante/cfdi:Emisor/@Rfc")

    await request(url).post("/api/v1/efos").send({ rfc: FIXTURE_SUPPLIER.rfc, situacion: "desvirtuado" }).expect(201)
    expect((await validateCfdi(xml, contextFor(xml), services)).failures).toEqual([])
    await request(url).delete(`/api/v1/efos/${FIXTURE_SUPPLIER.rfc}`).expect(200)
    await request(url).post("/api/v1/efos").send({ rfc: "X", situacion: "otra" }).expect(422)
  })

  it("speaks SOAP: CDATA or escaped expressions, any prefix; a body that is not a Consulta gets a SOAP fault", async () => {
    const { xml } = await stampNew("5")
    const expression = satExpression(xml)
    const soap = (body: string) =>
      request(url)
        .post("/ConsultaCFDIService.svc")
        .set("Content-Type", "text/xml; charset=utf-8")
        .set("SOAPAction", "http://tempuri.org/IConsultaCFDIService/Consulta")
        .send(body)
    const cdata = await soap(
      `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tem="http://tempuri.org/"><soapenv:Header/><soapenv:Body><tem:Consulta><tem:expresionImpresa><![CDATA[${expression}]]></tem:expresionImpresa></tem:Consulta></soapenv:Body></soapenv:Envelope>`,
    )
    expect(cdata.status).toBe(200)
    expect(cdata.text).toContain("<a:CodigoEstatus>S - Comprobante obtenido satisfactoriamente.</a:CodigoEstatus>")
    expect(cdata.text).toContain("<a:Estado>Vigente</a:Estado>")
    expect(cdata.text).toContain('<a:EstatusCancelacion i:nil="true"/>')
    expect(cdata.text).toContain("<a:ValidacionEFOS>200</a:ValidacionEFOS>")
    const bad = await soap("<hola/>")
    expect(bad.status).toBe(400)
    expect(bad.text).toContain("<faultcode>s:Client</faultcode>")
    const injected = await soap(
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Consulta xmlns="http://tempuri.org/"><expresionImpresa>x</expresionImpresa></Consulta></s:Body></s:Envelope>`,
    ).set("X-Fault", "500")
    expect(injected.status).toBe(500)
    expect(injected.text).toContain("<faultcode>s:Server</faultcode>")
  })

  it.each([
    ["500 before answering", { rate500: 1 }, /HTTP 500/],
    ["a timeout", { rateTimeout: 1 }, new RegExp(`sin respuesta en ${FAULT_TIMEOUT_MS} ms`)],
    ["an unreadable answer", { rateGarbage: 1 }, /ilegible/],
  ])("when SAT fails with %s, the validation is a retryable CFDI_SAT_NO_DISPONIBLE, never a pass", async (_label, rates, reason) => {
    const { xml } = await stampNew(`6${Object.keys(rates)[0]}`)
    Object.assign(sim.faults, rates)
    // Asking for the status fails…
    const known = { ...contextFor(xml), stamp_certificates: { [sim.pacCertificate.serial]: sim.pacCertificate.der_base64 } }
    const result = await validateCfdi(xml, known, impatient)
    expect(result.valid).toBe(false)
    expect(result.retryable).toBe(true)
    expect(result.failures.map((f) => f.rule)).toEqual(["CFDI_SAT_NO_DISPONIBLE"])
    expect(result.failures[0].message).toMatch(reason)
    // …and so does fetching the stamp certificate: not "unknown certificate", but retry later.
    const fetching = await validateCfdi(xml, contextFor(xml), impatient)
    expect(fetching.failures.map((f) => f.rule)).toEqual(["CFDI_SAT_NO_DISPONIBLE"])
    expect(fetching.retryable).toBe(true)
  })

  it("with SIM_FAULT_SEED the same sequence of faults comes back on every run (30 % faults)", async () => {
    const { xml } = await stampNew("7")
    const expression = satExpression(xml)
    const ask = () => querySatStatus(expression, { url: `${url}/ConsultaCFDIService.svc`, timeoutMs: FAULT_TIMEOUT_MS })
    const outcome = (a: Awaited<ReturnType<typeof ask>>) => (a.kind === "unavailable" ? "unavailable" : a.estado)
    const run = async () => {
      Object.assign(sim.faults, { rate500: 0.1, rateTimeout: 0.05, rateGarbage: 0.1, rateNotFound: 0.05, seed: 2026 })
      sim.restartFaults()
      const out: string[] = []
      for (let i = 0; i < 24; i++) {
        out.push(outcome(await ask()))
      }
      sim.faults.seed = null
      return out
    }
    const before = { ...sim.stats }
    const first = await run()
    const second = await run()
    expect(second).toEqual(first)
    // Faults really happened, in both runs alike; every one the client saw was injected.
    // (Whether the CFDI itself is found is the other tests' business: one CI run on
    // 2026-12-07 saw this freshly stamped CFDI answered "No Encontrado" throughout,
    // not reproduced since; kept out of this determinism check, noted in the roadmap.)
    const unavailable = first.filter((o) => o === "unavailable").length
    expect(unavailable).toBeGreaterThan(0)
    expect(unavailable).toBeLessThan(first.length)
    const injected = Object.entries(sim.stats)
      .filter(([k]) => k !== "none")
      .reduce((n, [k, v]) => n + v - (before[k] ?? 0), 0)
    expect(injected).toBeGreaterThanOrEqual(2 * unavailable)
    expect(injected).toBeLessThanOrEqual(2 * first.filter((o) => o !== "Vigente").length)
  })

  it("listens on loopback only and, given a token, answers nothing but /health without it; the adapter sends it", async () => {
    const e = process.env
    const token = "token-compartido-de-prueba"
    const guarded = await createSatSimulator({
      databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
      schema,
      ca: { cert_der: pki.ca.cert_der, key_pem: caKeyPem(pki.ca) },
      token,
    })
    const port = await freePort()
    const guardedUrl = `http://127.0.0.1:${port}`
    const server = await guarded.listen(port)
    try {
      expect((server.address() as { address: string }).address).toBe("127.0.0.1")
      const { xml } = await stampNew("8")
      const expression = satExpression(xml)
      expect((await request(guardedUrl).get("/health")).status).toBe(200)
      for (const authorization of [undefined, "Bearer otro", token /* without "Bearer " */]) {
        let r = request(guardedUrl).get(`/api/v1/certificados/${sim.pacCertificate.serial}`)
        r = authorization ? r.set("authorization", authorization) : r
        const res = await r
        expect(res.status).toBe(401)
        expect(res.body).toEqual({
          code: "TOKEN_REQUERIDO",
          message: "El simulador del SAT requiere el token compartido (Authorization: Bearer …).",
        })
      }
      const soap = await request(guardedUrl).post("/ConsultaCFDIService.svc").set("Content-Type", "text/xml").send("<x/>")
      expect(soap.status).toBe(401)
      // the e-invoicing adapter: without the token SAT is unavailable (retry later), with it SAT answers
      expect(await querySatStatus(expression, { url: `${guardedUrl}/ConsultaCFDIService.svc`, timeoutMs: TIMEOUT_MS })).toMatchObject({
        kind: "unavailable",
      })
      expect(
        await querySatStatus(expression, { url: `${guardedUrl}/ConsultaCFDIService.svc`, timeoutMs: TIMEOUT_MS, token }),
      ).toMatchObject({ kind: "answered", found: true, estado: "Vigente" })
      const cert = await fetch(`${guardedUrl}/api/v1/certificados/${sim.pacCertificate.serial}`, { headers: satAuthorization(token) })
      expect(cert.status).toBe(200)
    } finally {
      await guarded.close()
    }
  })

  it("serves the PAC's certificate from SAT's certificate repository; an unknown number is 404", async () => {
    const r = await request(url).get(`/api/v1/certificados/${sim.pacCertificate.serial}`).expect(200)
    expect(r.body).toEqual({ no_certificado: sim.pacCertificate.serial, rfc: "TPA990101AA1", certificado: sim.pacCertificate.der_base64 })
    await request(url).get("/api/v1/certificados/99999000000000000000").expect(404)
  })
})
