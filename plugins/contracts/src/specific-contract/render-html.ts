import Handlebars from "handlebars"
import { DateTime } from "luxon"
import { invalid, SPECIFIC_CONTRACT_ERRORS } from "../errors"
import { formatPesos } from "./money"
import type { ContractData } from "./types"

export const CONTRACT_TIME_ZONE = "America/Mexico_City"

/** "2026-03-02" → "2 de marzo de 2026" (es-MX, Mexico City calendar). */
export function longDateEs(isoDate: string): string {
  const d = DateTime.fromISO(String(isoDate), { zone: CONTRACT_TIME_ZONE })
  return d.isValid ? d.setLocale("es-MX").toFormat("d 'de' MMMM 'de' yyyy") : String(isoDate)
}

/**
 * The payment plan as the contract's fourth clause says it (c_MetodoPago);
 * contracts issued before the plan was chosen were paid in one exhibition.
 */
export function paymentPlanEs(plan: unknown): string {
  return plan === "parcialidades_o_diferido"
    ? "en parcialidades o en forma diferida (método de pago PPD): «EL PROVEEDOR» emitirá el CFDI con método de pago PPD y, por cada pago recibido, el complemento para recepción de pagos a más tardar el quinto día natural del mes siguiente"
    : "en una sola exhibición (método de pago PUE)"
}

/** An isolated Handlebars environment: only these helpers exist. */
const hb = Handlebars.create()
hb.registerHelper("money", (v: unknown) => formatPesos(v))
hb.registerHelper("fecha", (v: unknown) => longDateEs(String(v)))
hb.registerHelper("upper", (v: unknown) => String(v ?? "").toLocaleUpperCase("es-MX"))
hb.registerHelper("pct", (v: unknown) => `${String(v)} %`)
hb.registerHelper("plan_pago", (v: unknown) => paymentPlanEs(v))
const KNOWN_HELPERS = { money: true, fecha: true, upper: true, pct: true, plan_pago: true } as const

/** Unescaped output (`{{{x}}}`, `{{&x}}`) is refused: everything is escaped. */
const UNESCAPED = /\{\{~?\s*\{|\{\{~?\s*&/

type Compiled = (context: unknown) => string
const cache = new Map<string, Compiled>()

/**
 * Compiles a contract template: strict (a field missing from the data is an
 * error, not an empty string), only the known helpers, HTML escaping always
 * on. Throws PLANTILLA_INVALIDA with the reason.
 */
export function compileContractTemplate(body: string): Compiled {
  const hit = cache.get(body)
  if (hit) {
    return hit
  }
  if (UNESCAPED.test(body)) {
    throw invalid(
      SPECIFIC_CONTRACT_ERRORS.TEMPLATE_INVALID,
      "La plantilla usa salida sin escapar ({{{…}}} o {{&…}}); todo el contenido debe escaparse.",
    )
  }
  let compiled: Compiled
  try {
    const options = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true }
    hb.precompile(body, options) // compile now: syntax errors and unknown helpers surface here
    compiled = hb.compile(body, options)
  } catch (e) {
    throw invalid(SPECIFIC_CONTRACT_ERRORS.TEMPLATE_INVALID, `La plantilla no es válida: ${(e as Error).message}`)
  }
  const safe: Compiled = (context) => {
    try {
      return compiled(context)
    } catch (e) {
      throw invalid(
        SPECIFIC_CONTRACT_ERRORS.TEMPLATE_INVALID,
        `La plantilla no se pudo aplicar a los datos del contrato: ${(e as Error).message}`,
      )
    }
  }
  if (cache.size > 50) {
    cache.clear()
  }
  cache.set(body, safe)
  return safe
}

/** Renders the contract's HTML from its template and canonical data. */
export function renderContractHtml(body: string, data: ContractData, dataSha256: string): string {
  return compileContractTemplate(body)({ ...data, data_sha256: dataSha256 })
}
