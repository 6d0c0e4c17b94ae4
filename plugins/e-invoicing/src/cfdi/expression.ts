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
