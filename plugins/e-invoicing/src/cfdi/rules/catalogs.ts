import { catalogLookup, type SatCatalogName } from "../catalogs"
import type { CfdiNode } from "../document"
import type { CfdiFailure } from "../types"
import type { CfdiRuleId } from "../rules"
import { attr, fechaDay, type Rule } from "./context"

type Check = {
  rule: CfdiRuleId
  catalog: SatCatalogName
  /** With its article: «el régimen fiscal». */ label: string
  attr: string
  nodes: (m: Parameters<Rule>[0]["evidence"]["model"]) => (CfdiNode | null)[]
  optional?: boolean
}

const CHECKS: Check[] = [
  {
    rule: "CFDI_CATALOGO_REGIMEN_FISCAL",
    catalog: "c_RegimenFiscal",
    label: "el régimen fiscal",
    attr: "RegimenFiscal",
    nodes: (m) => [m.emisor],
  },
  {
    rule: "CFDI_CATALOGO_REGIMEN_FISCAL",
    catalog: "c_RegimenFiscal",
    label: "el régimen fiscal del receptor",
    attr: "RegimenFiscalReceptor",
    nodes: (m) => [m.receptor],
  },
  { rule: "CFDI_CATALOGO_USO_CFDI", catalog: "c_UsoCFDI", label: "el uso del CFDI", attr: "UsoCFDI", nodes: (m) => [m.receptor] },
  {
    rule: "CFDI_CATALOGO_FORMA_PAGO",
    catalog: "c_FormaPago",
    label: "la forma de pago",
    attr: "FormaPago",
    nodes: (m) => [m.comprobante],
    optional: true,
  },
  {
    rule: "CFDI_CATALOGO_METODO_PAGO",
    catalog: "c_MetodoPago",
    label: "el método de pago",
    attr: "MetodoPago",
    nodes: (m) => [m.comprobante],
    optional: true,
  },
  { rule: "CFDI_CATALOGO_MONEDA", catalog: "c_Moneda", label: "la moneda", attr: "Moneda", nodes: (m) => [m.comprobante] },
  {
    rule: "CFDI_CATALOGO_CLAVE_UNIDAD",
    catalog: "c_ClaveUnidad",
    label: "la clave de unidad",
    attr: "ClaveUnidad",
    nodes: (m) => m.conceptos,
  },
  {
    rule: "CFDI_CATALOGO_OBJETO_IMP",
    catalog: "c_ObjetoImp",
    label: "el objeto de impuesto",
    attr: "ObjetoImp",
    nodes: (m) => m.conceptos,
  },
]

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const fecha = (d: string) => d.split("-").reverse().join("/")

/** CFDI_CATALOGO_*: each catalog value exists in SAT's catalog and was in force on the CFDI's date. */
export const catalogRule: Rule = ({ evidence }) => {
  const day = fechaDay(evidence)
  const out: CfdiFailure[] = []
  for (const check of CHECKS) {
    for (const node of check.nodes(evidence.model)) {
      if (!node) {
        continue
      }
      const value = attr(node, check.attr)
      if (!value && check.optional) {
        continue
      }
      const { status, entry } = catalogLookup(check.catalog, value, day)
      const field = `${node.path}/@${check.attr}`
      if (status === "unknown") {
        out.push({
          rule: check.rule,
          field,
          message: value
            ? `${cap(check.label)} «${value}» no existe en el catálogo ${check.catalog} del SAT.`
            : `Falta ${check.label} (catálogo ${check.catalog} del SAT).`,
        })
      } else if (status !== "ok" && entry) {
        out.push({
          rule: check.rule,
          field,
          message:
            status === "expired"
              ? `${cap(check.label)} «${value}» (${entry.texto}) dejó de estar vigente el ${fecha(entry.hasta!)}; el CFDI es del ${fecha(day!)}.`
              : `${cap(check.label)} «${value}» (${entry.texto}) entra en vigor el ${fecha(entry.desde)}; el CFDI es del ${fecha(day!)}.`,
        })
      }
    }
  }
  return out
}
