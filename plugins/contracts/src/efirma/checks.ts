import type { ParsedCertificate } from "./certificate"
import { efirmaError, EFIRMA_ERRORS } from "../errors"
import { findTrustedIssuer, type TrustStore } from "./trust-store"

const fecha = (d: Date) => new Intl.DateTimeFormat("es-MX", { dateStyle: "long", timeZone: "America/Mexico_City" }).format(d)

/**
 * The certificate checks shared by registration and signature verification,
 * in this order: it is an e.firma (not a CSD), issued by a trusted authority,
 * in force at `at`, and its RFC is the person's. Throws the specific error.
 */
export function assertAcceptableCertificate(cert: ParsedCertificate, ctx: { person_rfc: string; trust: TrustStore; at: Date }): void {
  if (cert.kind !== "efirma") {
    throw efirmaError(
      EFIRMA_ERRORS.CERTIFICADO_NO_ES_EFIRMA,
      `El certificado ${cert.serial} es un Certificado de Sello Digital (CSD), que solo sirve para sellar facturas; usa el certificado de tu e.firma.`,
    )
  }
  if (!findTrustedIssuer(cert.x509, ctx.trust, ctx.at)) {
    throw efirmaError(
      EFIRMA_ERRORS.CERTIFICADO_NO_CONFIABLE,
      `El certificado ${cert.serial} no fue emitido por una autoridad certificadora reconocida (emisor: ${cert.issuer}).`,
    )
  }
  if (ctx.at.getTime() > cert.valid_to.getTime()) {
    throw efirmaError(
      EFIRMA_ERRORS.CERTIFICADO_VENCIDO,
      `El certificado de e.firma ${cert.serial} venció el ${fecha(cert.valid_to)}; renuévalo ante el SAT y registra el nuevo.`,
    )
  }
  if (ctx.at.getTime() < cert.valid_from.getTime()) {
    throw efirmaError(
      EFIRMA_ERRORS.CERTIFICADO_NO_VIGENTE_AUN,
      `El certificado de e.firma ${cert.serial} aún no está vigente: su vigencia inicia el ${fecha(cert.valid_from)}.`,
    )
  }
  const personRfc = (ctx.person_rfc ?? "").trim().toUpperCase()
  if (!cert.rfc || cert.rfc !== personRfc) {
    throw efirmaError(
      EFIRMA_ERRORS.RFC_NO_COINCIDE,
      `El RFC del certificado (${cert.rfc || "sin RFC"}) no coincide con el RFC de la persona (${personRfc}).`,
    )
  }
}
