import { validateXML } from "xmllint-wasm"
import { readSatResource } from "./resources"

/** The schemas a CFDI 4.0 is validated against, with their paths inside resources/sat. */
const SCHEMA_FILES = [
  "cfd/4/cfdv40.xsd",
  "cfd/catalogos/catCFDI.xsd",
  "cfd/catalogos/Pagos/catPagos.xsd",
  "cfd/tipoDatos/tdCFDI/tdCFDI.xsd",
  "cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd",
  "cfd/Pagos/Pagos20.xsd",
]

/**
 * xmllint takes one schema: this one imports CFDI 4.0, the
 * TimbreFiscalDigital 1.1 and Pagos 2.0, so the complements (xs:any lax in
 * cfdv40.xsd) are validated too.
 */
const ENTRY = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.sat.gob.mx/cfd/4" schemaLocation="cfd/4/cfdv40.xsd"/>
  <xs:import namespace="http://www.sat.gob.mx/TimbreFiscalDigital" schemaLocation="cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd"/>
  <xs:import namespace="http://www.sat.gob.mx/Pagos20" schemaLocation="cfd/Pagos/Pagos20.xsd"/>
</xs:schema>`

let preload: { fileName: string; contents: string }[] | null = null

function schemaFiles() {
  if (!preload) {
    preload = SCHEMA_FILES.map((fileName) => ({ fileName, contents: readSatResource(fileName) }))
  }
  return preload
}

/** One schema violation as xmllint reports it. */
export type XsdViolation = {
  line: number | null
  /** Element local name (e.g. "Concepto"), when the message names one. */
  element: string | null
  /** Namespace URI of that element. */
  namespace: string | null
  /** Attribute name, when the message is about one. */
  attribute: string | null
  /** libxml2's message (English). */
  message: string
}

const ELEMENT_RE = /Element '(?:\{([^}]*)\})?([^']+)'(?:, attribute '([^']+)')?/

/** Parses libxml2's "Element '{ns}Name', attribute 'X': …" messages. */
export function parseXsdMessage(message: string, line: number | null): XsdViolation {
  const m = ELEMENT_RE.exec(message)
  return {
    line,
    namespace: m?.[1] ?? null,
    element: m?.[2] ?? null,
    // "The attribute 'X' is required but missing." names it only in the text.
    attribute: m?.[3] ?? /The attribute '([^']+)' is (?:required but missing|not allowed)/.exec(message)?.[1] ?? null,
    message: message.replace(/^.*?Schemas validity error : /, "").trim(),
  }
}

/**
 * Validates a CFDI against cfdv40.xsd, TimbreFiscalDigitalv11.xsd and
 * Pagos20.xsd (with the local catCFDI.xsd) using libxml2 compiled to
 * WebAssembly. Returns every violation; [] when valid.
 */
export async function validateCfdiSchema(xml: string): Promise<XsdViolation[]> {
  const result = await validateXML({
    xml: [{ fileName: "cfdi.xml", contents: xml }],
    schema: [{ fileName: "entry.xsd", contents: ENTRY }],
    preload: schemaFiles(),
    maxMemoryPages: 4096,
  })
  if (result.valid) {
    return []
  }
  return result.errors.map((e) => parseXsdMessage(e.rawMessage ?? e.message, e.loc?.lineNumber ?? null))
}
