import type { CfdiReadModel } from "./document"
import { amountsRule } from "./rules/amounts"
import { catalogRule } from "./rules/catalogs"
import { conceptsRule } from "./rules/concepts"
import { attr, type CfdiEvidence, type Rule } from "./rules/context"
import { schemaRule, typeRule } from "./rules/document"
import { partiesRule } from "./rules/parties"
import { paymentRule } from "./rules/payment"
import { satRule } from "./rules/sat"
import { sealRule } from "./rules/seal"
import { stampRule } from "./rules/stamp"
import type { CfdiSummary, CfdiValidationContext, CfdiValidationResult } from "./types"

/** What prepareCfdi produced: the evidence, or why the XML could not be read. */
export type PreparedCfdi = { ok: true; evidence: CfdiEvidence } | { ok: false; error: string }

/** Every rule, in the order failures are reported. */
export const CFDI_RULE_CHAIN: Rule[] = [
  schemaRule,
  typeRule,
  catalogRule,
  sealRule,
  stampRule,
  partiesRule,
  conceptsRule,
  amountsRule,
  paymentRule,
  satRule,
]

export function summarize(model: CfdiReadModel): CfdiSummary {
  const c = model.comprobante
  const v = (node: { attrs: Record<string, string> } | null, a: string) => attr(node, a) || null
  const sello = attr(c, "Sello")
  return {
    uuid: v(model.timbre, "UUID")?.toUpperCase() ?? null,
    version: v(c, "Version"),
    tipo: v(c, "TipoDeComprobante"),
    serie: v(c, "Serie"),
    folio: v(c, "Folio"),
    fecha: v(c, "Fecha"),
    emisor_rfc: v(model.emisor, "Rfc"),
    emisor_nombre: v(model.emisor, "Nombre"),
    receptor_rfc: v(model.receptor, "Rfc"),
    subtotal: v(c, "SubTotal"),
    total: v(c, "Total"),
    moneda: v(c, "Moneda"),
    metodo_pago: v(c, "MetodoPago"),
    forma_pago: v(c, "FormaPago"),
    sello_ultimos_8: sello ? sello.slice(-8) : null,
  }
}

/**
 * The CFDI validation engine's pure core: runs every rule over the prepared
 * evidence and the context and returns every failure (never stops at the
 * first). No I/O: the XSD validation, the cadena original and SAT's answer
 * arrive in `prepared` and `context` (see validateCfdi for the adapter).
 */
export function evaluateCfdi(prepared: PreparedCfdi, context: CfdiValidationContext): CfdiValidationResult {
  if (!prepared.ok) {
    return {
      valid: false,
      retryable: false,
      summary: null,
      cadena_original: null,
      failures: [
        {
          rule: "CFDI_XML_MAL_FORMADO",
          field: "/",
          message: `El archivo no es un XML bien formado: ${prepared.error.replace(/\s+/g, " ").trim()}`,
        },
      ],
    }
  }
  const failures = CFDI_RULE_CHAIN.flatMap((rule) => rule({ evidence: prepared.evidence, context }))
  return {
    valid: failures.length === 0,
    retryable: failures.length > 0 && failures.every((f) => f.rule === "CFDI_SAT_NO_DISPONIBLE"),
    failures,
    summary: summarize(prepared.evidence.model),
    cadena_original: prepared.evidence.cadena,
  }
}
