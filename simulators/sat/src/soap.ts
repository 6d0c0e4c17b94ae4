import { DOMParser } from "@nodecfdi/cfdi-core"

/** What ConsultaCFDIService answers (ConsultaResult). */
export type ConsultaResult = {
  CodigoEstatus: string
  Estado: "Vigente" | "Cancelado" | "No Encontrado"
  EsCancelable: string | null
  EstatusCancelacion: string | null
  ValidacionEFOS: string | null
}

const RESULT_NS = "http://schemas.datacontract.org/2004/07/Sat.Cfdi.Negocio.ConsultaCfdi.Servicio"
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/**
 * Reads the `expresionImpresa` of a SOAP 1.1 `Consulta` request (any prefix,
 * CDATA or escaped text), or null when the body is not one.
 */
export function readConsultaRequest(body: string): string | null {
  const errors: string[] = []
  const doc = new DOMParser({ onError: (level: string, m: string) => void (level !== "warning" && errors.push(m)) }).parseFromString(
    body || "<x/>",
    "text/xml",
  )
  const el = doc?.getElementsByTagNameNS("http://tempuri.org/", "expresionImpresa").item(0)
  if (errors.length || !el) {
    return null
  }
  return (el.textContent ?? "").trim()
}

const field = (name: string, value: string | null) =>
  value === null ? `<a:${name} i:nil="true"/>` : `<a:${name}>${esc(value)}</a:${name}>`

/** The SOAP answer SAT's service gives (WCF data contract, `a:` prefix). */
export function consultaResponse(r: ConsultaResult): string {
  return (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
    '<ConsultaResponse xmlns="http://tempuri.org/">' +
    `<ConsultaResult xmlns:a="${RESULT_NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
    field("CodigoEstatus", r.CodigoEstatus) +
    field("EsCancelable", r.EsCancelable) +
    field("Estado", r.Estado) +
    field("EstatusCancelacion", r.EstatusCancelacion) +
    field("ValidacionEFOS", r.ValidacionEFOS) +
    "</ConsultaResult></ConsultaResponse></s:Body></s:Envelope>"
  )
}

/** A SOAP 1.1 fault (what WCF sends with HTTP 500). */
export function soapFault(code: "s:Client" | "s:Server", message: string): string {
  return (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
    `<faultcode>${code}</faultcode><faultstring xml:lang="es-MX">${esc(message)}</faultstring>` +
    "</s:Fault></s:Body></s:Envelope>"
  )
}
