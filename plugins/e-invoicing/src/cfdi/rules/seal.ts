import { issuedByTrusted, readCertificate, verifySha256 } from "../certificate"
import type { CfdiFailure } from "../types"
import { attr, fechaInstant, type Rule } from "./context"

const C = "/cfdi:Comprobante"
const fecha = (d: Date) => new Intl.DateTimeFormat("es-MX", { dateStyle: "long", timeZone: "America/Mexico_City" }).format(d)

/**
 * The issuer's seal: Comprobante/@Certificado is a SAT CSD (not an e.firma)
 * whose number is @NoCertificado, issued to the Emisor's RFC by a trusted
 * authority, in force at @Fecha; and @Sello verifies with it over the
 * cadena original. CFDI_CERTIFICADO_*, CFDI_SELLO_INVALIDO.
 */
export const sealRule: Rule = ({ evidence, context }) => {
  const { comprobante, emisor } = evidence.model
  const out: CfdiFailure[] = []
  const cert = readCertificate(attr(comprobante, "Certificado"))
  if (!cert) {
    return [
      {
        rule: "CFDI_CERTIFICADO_INVALIDO",
        field: `${C}/@Certificado`,
        message: "El atributo Certificado no contiene un certificado X.509 válido en base64; no se puede verificar el sello.",
      },
    ]
  }
  const noCertificado = attr(comprobante, "NoCertificado")
  if (noCertificado !== cert.serial) {
    out.push({
      rule: "CFDI_CERTIFICADO_INVALIDO",
      field: `${C}/@NoCertificado`,
      message: `NoCertificado (${noCertificado || "vacío"}) no corresponde al certificado incluido (${cert.serial}).`,
    })
  }
  if (cert.kind !== "csd") {
    out.push({
      rule: "CFDI_CERTIFICADO_NO_ES_CSD",
      field: `${C}/@Certificado`,
      message: `El comprobante se selló con el certificado de e.firma ${cert.serial}; las facturas se sellan con un Certificado de Sello Digital (CSD).`,
    })
  }
  const at = fechaInstant(evidence)
  if (at && (at < cert.valid_from || at > cert.valid_to)) {
    out.push({
      rule: "CFDI_CERTIFICADO_NO_VIGENTE",
      field: `${C}/@Fecha`,
      message:
        at > cert.valid_to
          ? `El certificado ${cert.serial} venció el ${fecha(cert.valid_to)}, antes de la fecha del comprobante (${fecha(at)}).`
          : `El certificado ${cert.serial} entró en vigor el ${fecha(cert.valid_from)}, después de la fecha del comprobante (${fecha(at)}).`,
    })
  }
  const emisorRfc = attr(emisor, "Rfc").toUpperCase()
  if (emisorRfc && cert.rfc !== emisorRfc) {
    out.push({
      rule: "CFDI_CERTIFICADO_RFC_EMISOR",
      field: `${C}/cfdi:Emisor/@Rfc`,
      message: `El certificado de sello es del RFC ${cert.rfc || "(sin RFC)"} y el emisor del comprobante es ${emisorRfc}.`,
    })
  }
  if (context.trusted_authorities?.length && !issuedByTrusted(cert.x509, context.trusted_authorities, at ?? new Date())) {
    out.push({
      rule: "CFDI_CERTIFICADO_NO_CONFIABLE",
      field: `${C}/@Certificado`,
      message: `El certificado ${cert.serial} no fue emitido por el SAT (emisor: ${cert.x509.issuer.replace(/\n/g, ", ")}).`,
    })
  }
  if (evidence.cadena === null || !verifySha256(cert, evidence.cadena, attr(comprobante, "Sello"))) {
    out.push({
      rule: "CFDI_SELLO_INVALIDO",
      field: `${C}/@Sello`,
      message:
        "El sello digital no corresponde a la cadena original del comprobante: el XML se modificó después de sellarse o se selló con otra llave.",
    })
  }
  return out
}
