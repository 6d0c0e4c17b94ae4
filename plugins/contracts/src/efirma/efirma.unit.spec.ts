import { PrivateKey } from "@nodecfdi/credentials/node"
import { createPrivateKey, sign } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { canonicalJson } from "../utils/canonical-json"
import { parseCertificate } from "./certificate"
import { assertAcceptableCertificate } from "./checks"
import { resolveCaBundle } from "./config"
import { issueCertificate } from "./test-ca"
import { SAMPLE_HOLDER, TEST_KEY_PASSWORD, writeTestCaDirectory, type TestCaDirectory } from "./test-ca-files"
import { loadTrustStore, type TrustStore } from "./trust-store"
import { checkSignature } from "./verify"

let dir: string
let pki: TestCaDirectory
let trust: TrustStore
const fixture = (name: string, ext: "cer" | "key") => readFileSync(join(dir, "fixtures", `${name}.${ext}`))
const keyOf = (name: string) => createPrivateKey({ key: fixture(name, "key"), format: "der", type: "pkcs8", passphrase: TEST_KEY_PASSWORD })
const signWith = (name: string, payload: unknown) =>
  sign("sha256", Buffer.from(canonicalJson(payload), "utf8"), keyOf(name)).toString("base64")
const expectCode = (fn: () => unknown, code: string, message: RegExp) => {
  let error: { code?: string; message?: string; type?: string } | undefined
  try {
    fn()
  } catch (e) {
    error = e as typeof error
  }
  expect(error).toMatchObject({ type: "invalid_data", code })
  expect(error?.message).toMatch(message)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "efirma-unit-"))
  pki = writeTestCaDirectory(dir)
  trust = loadTrustStore(pki.bundle)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("test CA certificates parse like SAT's", () => {
  it("reads RFC, name, 20-digit serial and e.firma type through @nodecfdi/credentials", () => {
    const c = parseCertificate(fixture("efirma", "cer"))
    expect(c).toMatchObject({ rfc: SAMPLE_HOLDER.rfc, subject_name: "Juana Pérez Pérez", kind: "efirma" })
    expect(c.serial).toMatch(/^99999\d{15}$/)
    expect(c.subject).toContain(`2.5.4.45=${SAMPLE_HOLDER.rfc}`)
    expect(c.subject).not.toContain("OU=")
    expect(c.issuer).toContain("AC de pruebas Tienda Digital")
  })

  it("accepts base64 and PEM, and tells a CSD (OU) from an e.firma", () => {
    const der = fixture("csd", "cer")
    const pem = `-----BEGIN CERTIFICATE-----\n${der.toString("base64")}\n-----END CERTIFICATE-----\n`
    expect(parseCertificate(der.toString("base64")).kind).toBe("csd")
    expect(parseCertificate(pem).kind).toBe("csd")
  })

  it("takes the first token of 'RFC / RFC del representante' (persona moral)", () => {
    const c = issueCertificate(
      pki.ca,
      { rfc: "PIB040312A15", name: "Papelería Industrial del Bajío", representative_rfc: "PEPJ800101AB7" },
      { password: "x" },
    )
    expect(parseCertificate(c.cer_der).rfc).toBe("PIB040312A15")
  })

  it("writes SAT-style .key files that @nodecfdi/credentials opens with the password", () => {
    const key = new PrivateKey(fixture("efirma", "key").toString("binary"), TEST_KEY_PASSWORD)
    const { Certificate } = require("@nodecfdi/credentials/node")
    expect(key.belongsTo(new Certificate(fixture("efirma", "cer").toString("base64")))).toBe(true)
    expect(() => new PrivateKey(fixture("efirma", "key").toString("binary"), "otra")).toThrow()
  })

  it("refuses what is not a certificate", () => {
    expectCode(
      () =>
        parseCertificate(
          "bm8gZXMgdW4gY2VydGlmaWNhZG8gZGUgbmFkYSBkZSBuYWRhIGRlIG5hZGEgZGUgbmFkYSBkZSBuYWRhIGRlIG5hZGEgZGUgbmFkYSBkZSBuYWRh",
        ),
      "CERTIFICADO_INVALIDO",
      /no es un certificado X\.509/,
    )
  })
})

describe("certificate checks", () => {
  const check =
    (name: string, person_rfc = SAMPLE_HOLDER.rfc, at = new Date()) =>
    () =>
      assertAcceptableCertificate(parseCertificate(fixture(name, "cer")), { person_rfc, trust, at })

  it("accepts a valid e.firma of the person (RFC compared case-insensitively)", () => {
    expect(check("efirma", SAMPLE_HOLDER.rfc.toLowerCase())).not.toThrow()
  })
  it("refuses a CSD", () => expectCode(check("csd"), "CERTIFICADO_NO_ES_EFIRMA", /Sello Digital \(CSD\)/))
  it("refuses an unknown issuer", () =>
    expectCode(check("no-confiable"), "CERTIFICADO_NO_CONFIABLE", /autoridad certificadora reconocida.*AC desconocida/))
  it("refuses an expired certificate", () => expectCode(check("vencido"), "CERTIFICADO_VENCIDO", /venció el/))
  it("refuses a certificate not yet in force", () => {
    const future = issueCertificate(pki.ca, SAMPLE_HOLDER, { password: "x", valid_from: new Date(Date.now() + 2 * 24 * 3600 * 1000) })
    expectCode(
      () => assertAcceptableCertificate(parseCertificate(future.cer_der), { person_rfc: SAMPLE_HOLDER.rfc, trust, at: new Date() }),
      "CERTIFICADO_NO_VIGENTE_AUN",
      /aún no está vigente/,
    )
  })
  it("refuses another person's RFC", () =>
    expectCode(
      check("efirma", "GOMA800101AB1"),
      "RFC_NO_COINCIDE",
      /\(PEPJ800101AB7\) no coincide con el RFC de la persona \(GOMA800101AB1\)/,
    ))
})

describe("signature over canonical JSON", () => {
  const payload = { accion: "contrato.firmado", monto: "1234.50", partes: ["SSA", "PIB"], nota: "ñandú" }
  const cert = () => parseCertificate(fixture("efirma", "cer"))

  it("verifies and returns the SHA-256 of the canonical JSON, whatever the key order", () => {
    const sig = signWith("efirma", payload)
    const reordered = { partes: ["SSA", "PIB"], nota: "ñandú", monto: "1234.50", accion: "contrato.firmado" }
    expect(checkSignature(cert(), reordered, sig)).toMatch(/^[0-9a-f]{64}$/)
  })
  it("refuses an altered document", () =>
    expectCode(
      () => checkSignature(cert(), { ...payload, monto: "9234.50" }, signWith("efirma", payload)),
      "FIRMA_INVALIDA",
      /modificado después de firmarse/,
    ))
  it("refuses a signature made with another key", () =>
    expectCode(
      () => checkSignature(cert(), payload, signWith("otra-efirma", payload)),
      "FIRMA_INVALIDA",
      /llave privada que no corresponde/,
    ))
  it("refuses garbage", () => expectCode(() => checkSignature(cert(), payload, "%%%no-es-base64%%%"), "FIRMA_INVALIDA", /no es válida/))
})

describe("CA bundle", () => {
  it("loads PEM bundles with several certificates, DER files and directories; skips end-entity certificates", () => {
    const d = join(dir, "bundle")
    mkdirSync(d, { recursive: true })
    writeFileSync(join(d, "ac.pem"), readFileSync(join(dir, "ca.pem")) + readFileSync(join(dir, "ca.pem"), "utf8"))
    writeFileSync(join(d, "otra.cer"), readFileSync(join(dir, "untrusted", "ca.cer")))
    writeFileSync(join(d, "persona.cer"), fixture("efirma", "cer"))
    writeFileSync(join(d, "leeme.txt"), "no soy un certificado")
    expect(loadTrustStore(d).authorities).toHaveLength(3)
    expect(loadTrustStore(`${join(dir, "ca.cer")}:${join(dir, "untrusted", "ca.cer")}`).authorities).toHaveLength(2)
  })
  it("explains a missing bundle", () =>
    expectCode(() => loadTrustStore(join(dir, "no-existe")), "CONFIGURACION_EFIRMA", /No se encontró el paquete/))
  it("has no default in production (never trusts the test CA there)", () => {
    const saved = { env: process.env.NODE_ENV, bundle: process.env.EFIRMA_CA_BUNDLE }
    process.env.NODE_ENV = "production"
    delete process.env.EFIRMA_CA_BUNDLE
    try {
      expectCode(() => resolveCaBundle(), "CONFIGURACION_EFIRMA", /define EFIRMA_CA_BUNDLE/)
      expect(resolveCaBundle({ ca_bundle: "/etc/sat/ac" })).toBe("/etc/sat/ac")
    } finally {
      process.env.NODE_ENV = saved.env
      if (saved.bundle !== undefined) {
        process.env.EFIRMA_CA_BUNDLE = saved.bundle
      }
    }
  })
})
