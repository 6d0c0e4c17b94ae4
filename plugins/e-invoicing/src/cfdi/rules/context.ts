import type { CfdiReadModel } from "../document"
import type { XsdViolation } from "../xsd"
import type { CfdiFailure, CfdiValidationContext } from "../types"

/** What the async preparation produced and the rules read (no I/O in the rules). */
export type CfdiEvidence = {
  model: CfdiReadModel
  schema: XsdViolation[]
  /** Cadena original by SAT's XSLT; null when the transformation failed. */
  cadena: string | null
  /** Cadena original of the TimbreFiscalDigital; null without a timbre. */
  tfd_cadena: string | null
}

export type RuleInput = { evidence: CfdiEvidence; context: CfdiValidationContext }

export type Rule = (input: RuleInput) => CfdiFailure[]

/** The value of an attribute, trimmed; "" when absent. */
export const attr = (node: { attrs: Record<string, string> } | null | undefined, name: string): string => (node?.attrs[name] ?? "").trim()

/** YYYY-MM-DD of Comprobante/@Fecha (SAT's local time), or null. */
export const fechaDay = (evidence: CfdiEvidence): string | null => {
  const f = attr(evidence.model.comprobante, "Fecha")
  return /^\d{4}-\d{2}-\d{2}/.test(f) ? f.slice(0, 10) : null
}

/**
 * The moment of Comprobante/@Fecha. CFDI dates carry no zone: they are the
 * issuer's local time (LugarExpedicion); we read them as Mexico City time
 * (UTC−6, no daylight saving since 2022).
 */
export const fechaInstant = (evidence: CfdiEvidence): Date | null => {
  const f = attr(evidence.model.comprobante, "Fecha")
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(f)) {
    return null
  }
  const d = new Date(`${f}-06:00`)
  return Number.isNaN(d.getTime()) ? null : d
}
