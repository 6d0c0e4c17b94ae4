import { cadenaOriginalCfdi40, cadenaOriginalTfd11 } from "./cadena"
import { parseCfdi } from "./document"
import { evaluateCfdi, type PreparedCfdi } from "./evaluate"
import { satExpression } from "./expression"
import { attr } from "./rules/context"
import type { CfdiValidationContext, CfdiValidationResult, SatStatusAnswer } from "./types"
import { validateCfdiSchema } from "./xsd"

const safely = <T>(fn: () => T): T | null => {
  try {
    return fn()
  } catch {
    return null
  }
}

/**
 * Reads a CFDI and gathers the evidence the rules need: the read model, the
 * schema violations (xmllint-wasm over SAT's XSDs), the cadena original and
 * the TimbreFiscalDigital's cadena (SAT's XSLTs through SaxonJS).
 */
export async function prepareCfdi(xml: string): Promise<PreparedCfdi> {
  const parsed = parseCfdi(xml)
  if (!parsed.ok) {
    return parsed
  }
  const schema = await validateCfdiSchema(xml)
  const timbre = parsed.model.timbre
  return {
    ok: true,
    evidence: {
      model: parsed.model,
      schema,
      cadena: safely(() => cadenaOriginalCfdi40(xml)),
      tfd_cadena: timbre ? safely(() => cadenaOriginalTfd11(timbre.xml)) : null,
    },
  }
}

/** The I/O the adapter may do on behalf of the rules. */
export type CfdiValidationServices = {
  /** Asks SAT for the CFDI's status (querySatStatus against the configured URL). */
  satStatus?: (expression: string) => Promise<SatStatusAnswer>
  /**
   * SAT's certificate repository: base64 DER of a stamp certificate by
   * number, null when it does not exist; throws when the repository fails.
   */
  stampCertificate?: (noCertificado: string) => Promise<string | null>
}

/**
 * Validates a CFDI 4.0 and returns every failure with its field, rule and a
 * Spanish explanation. The thin async adapter around evaluateCfdi: prepares
 * the evidence, fetches the stamp certificate when the context lacks it, and
 * asks SAT for the status (only for a readable, stamped CFDI).
 */
export async function validateCfdi(
  xml: string,
  context: CfdiValidationContext,
  services: CfdiValidationServices = {},
): Promise<CfdiValidationResult> {
  const prepared = await prepareCfdi(xml)
  if (!prepared.ok) {
    return evaluateCfdi(prepared, context)
  }
  const timbre = prepared.evidence.model.timbre
  let ctx = context
  const no = attr(timbre, "NoCertificadoSAT")
  if (timbre && no && !ctx.stamp_certificates[no] && services.stampCertificate) {
    try {
      const der = await services.stampCertificate(no)
      if (der) {
        ctx = { ...ctx, stamp_certificates: { ...ctx.stamp_certificates, [no]: der } }
      }
    } catch (e) {
      // The repository did not answer: the stamp cannot be judged now; retry later.
      ctx = { ...ctx, sat_status: { kind: "unavailable", reason: `el repositorio de certificados no respondió (${(e as Error).message})` } }
    }
  }
  if (timbre && services.satStatus && ctx.sat_status === undefined) {
    const expression = safely(() => satExpression(xml))
    ctx = {
      ...ctx,
      sat_status: expression
        ? await services.satStatus(expression)
        : { kind: "unavailable", reason: "no se pudo formar la expresión de consulta" },
    }
  }
  return evaluateCfdi(prepared, ctx)
}
