import SaxonJS from "saxon-js"
import { readSatResource } from "./resources"

type Sef = Record<string, unknown>
const stylesheets = new Map<string, Sef>()

function stylesheet(name: string): Sef {
  let sef = stylesheets.get(name)
  if (!sef) {
    sef = JSON.parse(readSatResource(`xslt/${name}`)) as Sef
    stylesheets.set(name, sef)
  }
  return sef
}

function transform(name: string, xml: string): string {
  const result = SaxonJS.transform({ stylesheetInternal: stylesheet(name), sourceText: xml, destination: "serialized" }, "sync") as {
    principalResult: string
  }
  return result.principalResult
}

/**
 * The cadena original of a CFDI 4.0, produced by SAT's own XSLT
 * (cadenaoriginal_4_0.xslt with every complement it includes), compiled for
 * SaxonJS by scripts/sat-resources.mjs. Throws when the XML is not well formed.
 */
export function cadenaOriginalCfdi40(xml: string): string {
  return transform("cadenaoriginal_4_0.sef.json", xml)
}

/**
 * The cadena original of a TimbreFiscalDigital 1.1 (SAT's
 * cadenaoriginal_TFD_1_1.xslt); `tfdXml` is the tfd:TimbreFiscalDigital
 * element serialized on its own, with its namespace declaration.
 */
export function cadenaOriginalTfd11(tfdXml: string): string {
  return transform("cadenaoriginal_TFD_1_1.sef.json", tfdXml)
}
