import { DOMParser, XMLSerializer, type Element } from "@nodecfdi/cfdi-core"

export const NS = {
  cfdi: "http://www.sat.gob.mx/cfd/4",
  tfd: "http://www.sat.gob.mx/TimbreFiscalDigital",
  pago20: "http://www.sat.gob.mx/Pagos20",
} as const

const PREFIX: Record<string, string> = { [NS.cfdi]: "cfdi", [NS.tfd]: "tfd", [NS.pago20]: "pago20" }

/** An element of the CFDI with its XPath-like location and attributes. */
export type CfdiNode = {
  path: string
  name: string
  attrs: Record<string, string>
  /** Source line of the element (for matching schema errors). */
  line: number | null
  element: Element
}

export type TaxRow = CfdiNode

export type CfdiConcepto = CfdiNode & { traslados: TaxRow[]; retenciones: TaxRow[] }

/** The parts of a CFDI 4.0 the rules read. */
export type CfdiReadModel = {
  comprobante: CfdiNode
  emisor: CfdiNode | null
  receptor: CfdiNode | null
  conceptos: CfdiConcepto[]
  impuestos: (CfdiNode & { traslados: TaxRow[]; retenciones: TaxRow[] }) | null
  timbre: (CfdiNode & { xml: string }) | null
  /** Every element in document order (schema errors are mapped onto them). */
  all: CfdiNode[]
}

export type ParsedCfdi = { ok: true; model: CfdiReadModel } | { ok: false; error: string }

function qname(el: Element): string {
  const prefix = el.namespaceURI ? PREFIX[el.namespaceURI] : undefined
  return prefix ? `${prefix}:${el.localName}` : (el.tagName ?? el.localName ?? "")
}

function childElements(el: Element): Element[] {
  const out: Element[] = []
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      out.push(n as Element)
    }
  }
  return out
}

function attributesOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!
    if (!a.name.startsWith("xmlns") && !a.name.startsWith("xsi:")) {
      out[a.name] = a.value
    }
  }
  return out
}

/**
 * Parses a CFDI with xmldom (via @nodecfdi/cfdi-core) and builds the read
 * model: each element with its path (`/cfdi:Comprobante/…/cfdi:Concepto[2]`),
 * attributes and line. Not well formed → `{ ok: false, error }`.
 */
export function parseCfdi(xml: string): ParsedCfdi {
  const errors: string[] = []
  let doc
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== "warning") {
          errors.push(message)
        }
      },
    }).parseFromString(xml.replace(/^\uFEFF/, ""), "text/xml")
  } catch (e) {
    return { ok: false, error: (e as Error).message }
  }
  const root = doc?.documentElement
  if (errors.length || !root) {
    return { ok: false, error: errors[0] ?? "El documento está vacío." }
  }

  const all: CfdiNode[] = []
  const nodeOf = (el: Element, path: string): CfdiNode => {
    const node: CfdiNode = {
      path,
      name: qname(el),
      attrs: attributesOf(el),
      line: (el as unknown as { lineNumber?: number }).lineNumber ?? null,
      element: el,
    }
    all.push(node)
    return node
  }
  const walk = (el: Element, path: string): void => {
    const kids = childElements(el)
    const counts = new Map<string, number>()
    for (const k of kids) {
      counts.set(qname(k), (counts.get(qname(k)) ?? 0) + 1)
    }
    const seen = new Map<string, number>()
    for (const k of kids) {
      const name = qname(k)
      const i = (seen.get(name) ?? 0) + 1
      seen.set(name, i)
      const p = `${path}/${name}${(counts.get(name) ?? 0) > 1 ? `[${i}]` : ""}`
      nodeOf(k, p)
      walk(k, p)
    }
  }
  const rootPath = `/${qname(root)}`
  nodeOf(root, rootPath)
  walk(root, rootPath)

  const at = (path: string) => all.find((n) => n.path === path) ?? null
  const under = (parent: string, name: string) =>
    all.filter((n) => n.path.startsWith(`${parent}/`) && n.name === name && n.path.slice(parent.length + 1).split("/").length === 1)
  const taxes = (path: string) => ({
    traslados: under(`${path}/cfdi:Traslados`, "cfdi:Traslado"),
    retenciones: under(`${path}/cfdi:Retenciones`, "cfdi:Retencion"),
  })

  const C = "/cfdi:Comprobante"
  const comprobante = at(C) ?? all[0]
  const conceptos: CfdiConcepto[] = under(`${C}/cfdi:Conceptos`, "cfdi:Concepto").map((c) => ({
    ...c,
    ...taxes(`${c.path}/cfdi:Impuestos`),
  }))
  const impuestosNode = at(`${C}/cfdi:Impuestos`)
  const timbreNode = all.find((n) => n.name === "tfd:TimbreFiscalDigital" && n.path.startsWith(`${C}/cfdi:Complemento`)) ?? null
  return {
    ok: true,
    model: {
      comprobante,
      emisor: at(`${C}/cfdi:Emisor`),
      receptor: at(`${C}/cfdi:Receptor`),
      conceptos,
      impuestos: impuestosNode ? { ...impuestosNode, ...taxes(impuestosNode.path) } : null,
      timbre: timbreNode ? { ...timbreNode, xml: new XMLSerializer().serializeToString(timbreNode.element) } : null,
      all,
    },
  }
}

/** `node.path/@Attr`. */
export const fieldOf = (node: Pick<CfdiNode, "path"> | null | undefined, attr: string, fallback = "/cfdi:Comprobante") =>
  `${node?.path ?? fallback}/@${attr}`
