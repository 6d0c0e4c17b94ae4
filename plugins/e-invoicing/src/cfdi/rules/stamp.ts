import { readCertificate, verifySha256 } from "../certificate"
import type { CfdiFailure } from "../types"
import { attr, type Rule } from "./context"

/** RFC 4122 textual form (the TFD schema's pattern), and never the nil UUID. */
export const UUID_RE = /^[a-f0-9A-F]{8}-[a-f0-9A-F]{4}-[a-f0-9A-F]{4}-[a-f0-9A-F]{4}-[a-f0-9A-F]{12}$/

/**
 * The TimbreFiscalDigital 1.1: present; its SelloCFD is the comprobante's
 * Sello; its SelloSAT verifies over the TFD cadena original with the
 * certificate SAT/the PAC used (NoCertificadoSAT); the UUID is well formed.
 */
export const stampRule: Rule = ({ evidence, context }) => {
  const { timbre, comprobante } = evidence.model
  if (!timbre) {
    return [
      {
        rule: "CFDI_TIMBRE_AUSENTE",
        field: "/cfdi:Comprobante/cfdi:Complemento/tfd:TimbreFiscalDigital",
        message: "El comprobante no está timbrado: falta el complemento TimbreFiscalDigital del PAC.",
      },
    ]
  }
  const out: CfdiFailure[] = []
  const f = (a: string) => `${timbre.path}/@${a}`
  const uuid = attr(timbre, "UUID")
  if (!UUID_RE.test(uuid) || /^[0-]+$/.test(uuid)) {
    out.push({
      rule: "CFDI_UUID_INVALIDO",
      field: f("UUID"),
      message: `El folio fiscal (UUID) «${uuid}» no es válido: debe tener la forma 8-4-4-4-12 hexadecimal y no ser nulo.`,
    })
  }
  if (attr(timbre, "SelloCFD") !== attr(comprobante, "Sello")) {
    out.push({
      rule: "CFDI_TIMBRE_SELLO_CFD",
      field: f("SelloCFD"),
      message: "El timbre no corresponde a este comprobante: su SelloCFD es distinto del Sello del comprobante.",
    })
  }
  const no = attr(timbre, "NoCertificadoSAT")
  const der = context.stamp_certificates[no]
  const cert = der ? readCertificate(der) : null
  if (!cert && context.sat_status?.kind === "unavailable") {
    // SAT's certificate repository did not answer: the SAT rule reports a retryable failure.
  } else if (!cert) {
    out.push({
      rule: "CFDI_TIMBRE_CERTIFICADO_DESCONOCIDO",
      field: f("NoCertificadoSAT"),
      message: `El certificado ${no || "(vacío)"} con el que se timbró no es un certificado conocido del SAT o de un PAC.`,
    })
  } else if (evidence.tfd_cadena === null || !verifySha256(cert, evidence.tfd_cadena, attr(timbre, "SelloSAT"))) {
    out.push({
      rule: "CFDI_TIMBRE_SELLO_SAT_INVALIDO",
      field: f("SelloSAT"),
      message: `El sello del SAT del timbre no verifica con el certificado ${no}: el timbre fue alterado o no lo emitió un PAC autorizado.`,
    })
  }
  return out
}
