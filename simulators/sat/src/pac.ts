/// <reference path="./types/saxon-js.d.ts" />
import { DOMParser, nodeFromXmlString, nodeToXmlString, type Element } from "@nodecfdi/cfdi-core"
import { TimbreFiscalDigital } from "@nodecfdi/cfdi-elements/tfd11"
import { Certificate } from "@nodecfdi/credentials/node"
import forge from "node-forge"
import { createPrivateKey, generateKeyPairSync, randomInt, sign, type KeyObject } from "node:crypto"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import SaxonJS from "saxon-js"

// The simulator stands for SAT and a PAC: it shares no code with the store
// (docs/adr/0009-plugin-layering.md). It reads CFDIs with @nodecfdi's
// libraries and runs SAT's own TFD stylesheet (compiled by
// plugins/e-invoicing/scripts/sat-resources.mjs into resources/).

export const UUID_RE = /^[a-f0-9A-F]{8}-[a-f0-9A-F]{4}-[a-f0-9A-F]{4}-[a-f0-9A-F]{4}-[a-f0-9A-F]{12}$/

/** The parts of a CFDI the PAC and the registry need. */
export type CfdiFacts = {
  version: string
  is_comprobante: boolean
  sello: string
  certificado: string
  total: string
  emisor_rfc: string
  receptor_rfc: string
  timbre: { uuid: string; fecha_timbrado: string } | null
}

const CFDI_NS = "http://www.sat.gob.mx/cfd/4"
const TFD_NS = "http://www.sat.gob.mx/TimbreFiscalDigital"

/** Reads a CFDI 4.0 (xmldom through @nodecfdi/cfdi-core); null when it is not well formed. */
export function readCfdi(xml: string): CfdiFacts | null {
  const errors: string[] = []
  let root: Element | null = null
  try {
    root =
      new DOMParser({ onError: (level: string, m: string) => void (level !== "warning" && errors.push(m)) }).parseFromString(
        xml,
        "text/xml",
      )?.documentElement ?? null
  } catch {
    return null
  }
  if (errors.length || !root) {
    return null
  }
  const first = (ns: string, name: string) => root!.getElementsByTagNameNS(ns, name).item(0)
  const tfd = first(TFD_NS, "TimbreFiscalDigital")
  return {
    version: root.getAttribute("Version") ?? "",
    is_comprobante: root.namespaceURI === CFDI_NS && root.localName === "Comprobante",
    sello: root.getAttribute("Sello") ?? "",
    certificado: root.getAttribute("Certificado") ?? "",
    total: root.getAttribute("Total") ?? "",
    emisor_rfc: (first(CFDI_NS, "Emisor")?.getAttribute("Rfc") ?? "").toUpperCase(),
    receptor_rfc: (first(CFDI_NS, "Receptor")?.getAttribute("Rfc") ?? "").toUpperCase(),
    timbre: tfd ? { uuid: (tfd.getAttribute("UUID") ?? "").toUpperCase(), fecha_timbrado: tfd.getAttribute("FechaTimbrado") ?? "" } : null,
  }
}

/**
 * SAT's status expression (?id=…&re=…&rr=…&tt=…&fe=…) as a map. The values
 * are printed raw, as in the CFDI's QR code: `fe` (the seal's last 8 base64
 * characters) may hold "+" and "/", and an RFC with "&" is written "&amp;", so
 * the expression is split only before a known key and "+" is never a space.
 */
export function parseExpression(expression: string): Record<string, string> {
  const query = expression.includes("?") ? expression.slice(expression.indexOf("?") + 1) : expression
  const out: Record<string, string> = {}
  for (const part of query.split(/&(?=(?:id|re|rr|tt|fe)=)/i)) {
    const eq = part.indexOf("=")
    if (eq > 0) {
      out[part.slice(0, eq).trim().toLowerCase()] = decodePercent(part.slice(eq + 1))
        .replace(/&amp;/g, "&")
        .trim()
    }
  }
  return out
}

/** %XX escapes decoded when a client sent them; a stray "%" is kept as written. */
function decodePercent(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** NoCertificado of a certificate (its serial's bytes as ASCII), or null when it is not one. */
export function certificateNumber(base64: string): string | null {
  try {
    const serial = new Certificate(Buffer.from(base64.replace(/\s+/g, ""), "base64").toString("binary")).serialNumber()
    return serial.bytesArePrintable() ? serial.bytes() : serial.hexadecimal()
  } catch {
    return null
  }
}

let tfdStylesheet: Record<string, unknown> | null = null

/** The TFD 1.1 cadena original with SAT's cadenaoriginal_TFD_1_1.xslt (SaxonJS). */
export function cadenaOriginalTfd(tfdXml: string): string {
  tfdStylesheet ??= JSON.parse(readFileSync(join(__dirname, "..", "resources", "cadenaoriginal_TFD_1_1.sef.json"), "utf8")) as Record<
    string,
    unknown
  >
  const r = SaxonJS.transform({ stylesheetInternal: tfdStylesheet, sourceText: tfdXml, destination: "serialized" }, "sync")
  return r.principalResult as string
}

/** The PAC's stamping credential: its certificate (DER) and private key. */
export type PacCredential = { serial: string; cer_der: Buffer; key: KeyObject }

/**
 * Stamps a sealed CFDI like a PAC: a TimbreFiscalDigital 1.1 (built with
 * @nodecfdi/cfdi-elements) whose SelloSAT is RSA-SHA256 over its cadena
 * original, appended to the Complemento (created when missing).
 */
export function stamp(xml: string, pac: PacCredential, opts: { uuid: string; fecha_timbrado: string; rfc_prov_certif: string }): string {
  const root = nodeFromXmlString(xml)
  const tfd = new TimbreFiscalDigital({
    UUID: opts.uuid,
    FechaTimbrado: opts.fecha_timbrado,
    RfcProvCertif: opts.rfc_prov_certif,
    SelloCFD: root.getAttribute("Sello"),
    NoCertificadoSAT: pac.serial,
    SelloSAT: "",
  })
  tfd.setAttribute("SelloSAT", sign("sha256", Buffer.from(cadenaOriginalTfd(nodeToXmlString(tfd)), "utf8"), pac.key).toString("base64"))
  let complemento = root.searchNode("cfdi:Complemento")
  if (!complemento) {
    complemento = nodeFromXmlString(`<cfdi:Complemento xmlns:cfdi="${CFDI_NS}"/>`)
    complemento.attributes().delete("xmlns:cfdi")
    root.children().add(complemento)
    root
      .children()
      .setOrder([
        "cfdi:InformacionGlobal",
        "cfdi:CfdiRelacionados",
        "cfdi:Emisor",
        "cfdi:Receptor",
        "cfdi:Conceptos",
        "cfdi:Impuestos",
        "cfdi:Complemento",
        "cfdi:Addenda",
      ])
    root.children().order()
  }
  complemento.children().add(tfd)
  return nodeToXmlString(root, true)
}

/** The CA that issues the PAC certificate: DER certificate and PEM key (the project's test CA files). */
export type IssuingCa = { cert_der: Buffer; key_pem: string }

/**
 * Issues the test PAC's certificate, SAT-shaped like the project's CSDs
 * (20-digit ASCII serial starting with 99999, RFC in x500UniqueIdentifier,
 * OU = branch): signed by `ca` when given, else self-signed. RSA 2048.
 */
export function issuePacCertificate(ca: IssuingCa | null, holder: { rfc: string; name: string }): PacCredential {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const pem = (k: KeyObject) => k.export({ type: "pkcs1", format: "pem" }) as string
  const priv = forge.pki.privateKeyFromPem(pem(privateKey)) as forge.pki.rsa.PrivateKey
  let serial = "99999"
  while (serial.length < 20) {
    serial += String(randomInt(0, 10))
  }
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.setRsaPublicKey(priv.n, priv.e)
  cert.serialNumber = Buffer.from(serial, "ascii").toString("hex")
  cert.validity.notBefore = new Date(Date.now() - 86400000)
  cert.validity.notAfter = new Date(Date.now() + 4 * 365 * 86400000)
  const UTF8 = forge.asn1.Type.UTF8
  const subject: Record<string, unknown>[] = [
    { shortName: "CN", value: holder.name, valueTagClass: UTF8 },
    { type: "2.5.4.41", value: holder.name, valueTagClass: UTF8 },
    { shortName: "O", value: holder.name, valueTagClass: UTF8 },
    { shortName: "OU", value: "Timbrado", valueTagClass: UTF8 },
    { type: "2.5.4.45", value: holder.rfc, valueTagClass: UTF8 },
  ]
  cert.setSubject(subject as forge.pki.CertificateField[])
  let signer = priv
  if (ca) {
    const caCert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(ca.cert_der.toString("binary")))
    cert.setIssuer(caCert.subject.attributes)
    signer = forge.pki.privateKeyFromPem(
      createPrivateKey(ca.key_pem).export({ type: "pkcs1", format: "pem" }) as string,
    ) as forge.pki.rsa.PrivateKey
  } else {
    cert.setIssuer(cert.subject.attributes)
  }
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
  ])
  cert.sign(signer, forge.md.sha256.create())
  const cer_der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary")
  return { serial, cer_der, key: privateKey }
}
