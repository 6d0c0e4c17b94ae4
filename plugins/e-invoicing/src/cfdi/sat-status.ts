import { DOMParser } from "@nodecfdi/cfdi-core"
import {
  Consumer,
  ConsumerClientResponse,
  type ConsumerClientInterface,
  type ConsumerClientResponseInterface,
} from "@nodecfdi/sat-estado-cfdi"
import type { SatStatusAnswer } from "./types"

/** SAT's production service; development points at simulators/sat. */
export const SAT_STATUS_SERVICE_URL = "https://consultaqr.facturaelectronica.sat.gob.mx/ConsultaCFDIService.svc"
export const SAT_STATUS_SOAP_ACTION = "http://tempuri.org/IConsultaCFDIService/Consulta"
const RESULT_NS = "http://schemas.datacontract.org/2004/07/Sat.Cfdi.Negocio.ConsultaCfdi.Servicio"
const FIELDS = ["CodigoEstatus", "Estado", "EsCancelable", "EstatusCancelacion", "ValidacionEFOS"] as const

/** SAT's service did not give a usable answer (HTTP error, unreadable SOAP): retry later. */
export class SatServiceUnavailable extends Error {}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/** The SOAP 1.1 request of ConsultaCFDIService/Consulta (no WSDL: SAT no longer publishes it). */
export function consultaEnvelope(expression: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">' +
    '<s:Body><Consulta xmlns="http://tempuri.org/">' +
    `<expresionImpresa>${escapeXml(expression)}</expresionImpresa>` +
    "</Consulta></s:Body></s:Envelope>"
  )
}

/** Reads ConsultaResult's fields from SAT's SOAP answer; throws when it is not one. */
export function parseConsultaResponse(xml: string): Record<(typeof FIELDS)[number], string> {
  const errors: string[] = []
  let result
  try {
    const doc = new DOMParser({ onError: (level: string, m: string) => void (level !== "warning" && errors.push(m)) }).parseFromString(
      xml,
      "text/xml",
    )
    result = doc?.getElementsByTagNameNS("http://tempuri.org/", "ConsultaResult").item(0)
  } catch {
    result = null
  }
  if (errors.length || !result) {
    throw new SatServiceUnavailable("respuesta del SAT ilegible")
  }
  const read = (name: string) => {
    const el = result.getElementsByTagNameNS(RESULT_NS, name).item(0)
    return (el?.textContent ?? "").trim()
  }
  const out = Object.fromEntries(FIELDS.map((f) => [f, read(f)])) as Record<(typeof FIELDS)[number], string>
  if (!out.CodigoEstatus) {
    throw new SatServiceUnavailable("respuesta del SAT sin CodigoEstatus")
  }
  return out
}

/**
 * The header that carries the SAT simulator's shared token (`npm start` sets
 * SIMULATOR_TOKEN; the simulator answers 401 without it). None when unset.
 */
export function satAuthorization(token?: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/**
 * A ConsumerClientInterface for @nodecfdi/sat-estado-cfdi that speaks SOAP
 * over fetch with a timeout (the library's own SOAP client needs the `soap`
 * package and a WSDL).
 */
export class FetchSoapConsumerClient implements ConsumerClientInterface {
  constructor(
    private readonly timeoutMs: number,
    private readonly token?: string | null,
  ) {}

  async consume(uri: string, expression: string): Promise<ConsumerClientResponseInterface> {
    const res = await fetch(uri, {
      method: "POST",
      headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${SAT_STATUS_SOAP_ACTION}"`, ...satAuthorization(this.token) },
      body: consultaEnvelope(expression),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    const text = await res.text()
    if (!res.ok) {
      throw new SatServiceUnavailable(`el servicio respondió HTTP ${res.status}`)
    }
    const response = new ConsumerClientResponse()
    response.set(parseConsultaResponse(text))
    return response
  }
}

/**
 * Asks SAT's CFDI status service through @nodecfdi/sat-estado-cfdi. Never
 * throws: a timeout, an HTTP error or an unreadable answer is
 * `{ kind: "unavailable" }`, which the rules turn into a retryable failure.
 */
export async function querySatStatus(
  expression: string,
  options: { url: string; timeoutMs: number; /** the simulator's shared token, when set */ token?: string | null },
): Promise<SatStatusAnswer> {
  const client = new FetchSoapConsumerClient(options.timeoutMs, options.token)
  // The raw answer too: CfdiStatus keeps only enums, and the messages quote SAT's words.
  let raw: Record<string, string> = {}
  const recording: ConsumerClientInterface = {
    consume: async (uri, expr) => {
      const r = await client.consume(uri, expr)
      raw = Object.fromEntries(FIELDS.map((f) => [f, r.get(f)]))
      return r
    },
  }
  try {
    const status = await new Consumer(recording, options.url).executeAsync(expression)
    const document = status.getDocument()
    return {
      kind: "answered",
      found: status.getQuery().isFound(),
      estado: document.isActive() ? "Vigente" : document.isCanceled() ? "Cancelado" : "No Encontrado",
      efos_listed: status.getEfos().isIncluded(),
      es_cancelable: raw.EsCancelable ?? "",
      estatus_cancelacion: raw.EstatusCancelacion ?? "",
      codigo_estatus: raw.CodigoEstatus ?? "",
    }
  } catch (e) {
    const err = e as Error
    const reason = err.name === "TimeoutError" || err.name === "AbortError" ? `sin respuesta en ${options.timeoutMs} ms` : err.message
    return { kind: "unavailable", reason }
  }
}
