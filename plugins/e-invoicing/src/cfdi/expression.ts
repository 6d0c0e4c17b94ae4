import { DOMParser } from "@nodecfdi/cfdi-core"
import { DiscoverExtractor } from "@nodecfdi/cfdi-expresiones"

/**
 * The expression SAT's status service and the CFDI's QR code use
 * (`https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=…&re=…&rr=…&tt=…&fe=…`),
 * built by @nodecfdi/cfdi-expresiones from the stamped XML.
 */
export function satExpression(xml: string): string {
  const document = new DOMParser().parseFromString(xml, "text/xml")
  return new DiscoverExtractor().extract(document)
}

/** The parts of an expression (id, re, rr, tt, fe), as SAT's service reads them. */
export function parseSatExpression(expression: string): Record<string, string> {
  const query = expression.includes("?") ? expression.slice(expression.indexOf("?") + 1) : expression
  const out: Record<string, string> = {}
  for (const part of query.split("&")) {
    const [k, ...v] = part.split("=")
    if (k) {
      out[k.trim()] = decodeURIComponent(v.join("=").replace(/\+/g, " ")).trim()
    }
  }
  return out
}
