import { NS, type CfdiNode } from "../document"
import type { CfdiFailure } from "../types"
import type { XsdViolation } from "../xsd"
import { attr, type Rule } from "./context"

/**
 * Schema violations another rule reports with a more precise message (the
 * catalog values and the UUID): the schema rule leaves them out so each
 * defect is reported once.
 */
const OWNED_BY_OTHER_RULES = new Set([
  "Emisor@RegimenFiscal",
  "Receptor@RegimenFiscalReceptor",
  "Receptor@UsoCFDI",
  "Comprobante@FormaPago",
  "Comprobante@MetodoPago",
  "Comprobante@Moneda",
  "Concepto@ClaveUnidad",
  "Concepto@ObjetoImp",
  "TimbreFiscalDigital@UUID",
])

/** libxml2's schema messages in Spanish (the common ones; others keep the original text). */
export function xsdMessageEs(message: string): string {
  const m = message.replace(/^Element '[^']+'(?:, attribute '[^']+')?: /, "")
  let r: RegExpExecArray | null
  if ((r = /^The attribute '([^']+)' is required but missing\./.exec(m))) {
    return `falta el atributo requerido ${r[1]}`
  }
  if ((r = /^The attribute '([^']+)' is not allowed\./.exec(m))) {
    return `el atributo ${r[1]} no está permitido aquí`
  }
  if ((r = /^\[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '([^']*)'/.exec(m))) {
    return `el valor «${r[1]}» no tiene el formato requerido (${r[2]})`
  }
  if ((r = /^\[facet 'enumeration'\] The value '([^']*)' is not an element of the set/.exec(m))) {
    return `el valor «${r[1]}» no está entre los permitidos`
  }
  if ((r = /^\[facet '(minInclusive|minExclusive)'\] The value '([^']*)' is less than the minimum value allowed \('([^']*)'\)/.exec(m))) {
    return `el valor «${r[2]}» es menor que el mínimo permitido (${r[3]})`
  }
  if ((r = /^\[facet '(maxLength|minLength|length)'\] The value '([^']*)'/.exec(m))) {
    return `el valor «${r[2]}» no tiene la longitud permitida`
  }
  if ((r = /^'([^']*)' is not a valid value of the (?:atomic|local atomic|union) type '([^']*)'/.exec(m))) {
    return `el valor «${r[1]}» no es válido para el tipo ${r[2].replace(/^\{[^}]*\}/, "")}`
  }
  if (/^The value '([^']*)' does not match the fixed value constraint '([^']*)'/.test(m)) {
    const f = /'([^']*)' does not match the fixed value constraint '([^']*)'/.exec(m)!
    return `el valor «${f[1]}» debe ser «${f[2]}»`
  }
  if (/^This element is not expected/.test(m)) {
    return "este elemento no se esperaba en esta posición del comprobante"
  }
  if (/^Missing child element/.test(m)) {
    return "faltan elementos hijos requeridos"
  }
  if (/No matching global declaration available for the validation root/.test(m)) {
    return "el documento no es un CFDI versión 4.0 (elemento raíz desconocido)"
  }
  return m
}

function locate(all: CfdiNode[], v: XsdViolation, from: number): number {
  const matches = (n: CfdiNode) => n.element.localName === v.element && (!v.namespace || n.element.namespaceURI === v.namespace)
  const sameLine = (i: number) => v.line === null || all[i].line === v.line
  for (let i = from; i < all.length; i++) {
    if (matches(all[i]) && sameLine(i)) {
      return i
    }
  }
  return all.findIndex((n, i) => matches(n) && sameLine(i))
}

/** CFDI_ESQUEMA_INVALIDO: every violation of the SAT schemas, on its field. */
export const schemaRule: Rule = ({ evidence }) => {
  const out: CfdiFailure[] = []
  let cursor = 0
  for (const v of evidence.schema) {
    if (v.element && v.attribute && OWNED_BY_OTHER_RULES.has(`${v.element}@${v.attribute}`)) {
      continue
    }
    const i = v.element ? locate(evidence.model.all, v, cursor) : -1
    if (i >= 0) {
      cursor = i
    }
    const path = i >= 0 ? evidence.model.all[i].path : "/"
    out.push({
      rule: "CFDI_ESQUEMA_INVALIDO",
      field: v.attribute ? `${path}/@${v.attribute}` : path,
      message: `No cumple el esquema XSD del SAT: ${xsdMessageEs(v.message)}.`,
    })
  }
  return out
}

/** CFDI_TIPO_COMPROBANTE: an invoice is "I" (ingreso); a payment complement is "P". */
export const typeRule: Rule = ({ evidence, context }) => {
  const expected = context.expected_type ?? "I"
  const tipo = attr(evidence.model.comprobante, "TipoDeComprobante")
  if (evidence.model.comprobante.element.namespaceURI !== NS.cfdi || tipo === expected) {
    return []
  }
  return [
    {
      rule: "CFDI_TIPO_COMPROBANTE",
      field: "/cfdi:Comprobante/@TipoDeComprobante",
      message:
        expected === "I"
          ? `El comprobante es de tipo «${tipo || "sin tipo"}»; para cobrar bienes recibidos se requiere un CFDI de ingreso (I).`
          : expected === "P"
            ? `El comprobante es de tipo «${tipo || "sin tipo"}»; un complemento de pago debe ser un CFDI de tipo pago (P).`
            : `El comprobante es de tipo «${tipo || "sin tipo"}»; la nota de crédito por la pena convencional debe ser un CFDI de egreso (E).`,
    },
  ]
}
