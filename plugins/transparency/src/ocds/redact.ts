/**
 * The last line of the redaction rules (docs/transparency.md): whatever the
 * builders produced, a string that looks like personal data is replaced
 * before the release is stored. The builders already leave such data out
 * (R1–R5); this pass (R6) catches what a future field might let through.
 */
export const REDACTED = "[dato personal protegido]"

const PATTERNS: { rule: string; re: RegExp }[] = [
  // RFC of a natural person: 4 letters, date, 3-character homoclave (legal persons have 3 letters)
  { rule: "rfc_persona_fisica", re: /\b[A-ZÑ&]{4}\d{6}[A-Z\d]{3}\b/gi },
  // CURP
  { rule: "curp", re: /\b[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z\d]\d\b/gi },
  // e-mail addresses
  { rule: "correo", re: /[\w.+-]+@[\w-]+(\.[\w-]+)+/g },
  // CLABE (18 digits)
  { rule: "cuenta", re: /\b\d{18}\b/g },
]

/** Keys whose values are codes and never personal data (classifications, ids, money). */
const SAFE_KEYS = new Set([
  "ocid",
  "id",
  "scheme",
  "awardID",
  "identifier",
  "currency",
  "amount",
  "date",
  "startDate",
  "endDate",
  "dateSigned",
  "uri",
  "measure",
])

export function redactText(s: string): { text: string; rules: string[] } {
  const rules: string[] = []
  let text = s
  for (const { rule, re } of PATTERNS) {
    const next = text.replace(re, REDACTED)
    if (next !== text) {
      rules.push(rule)
      text = next
    }
  }
  return { text, rules }
}

/** A deep copy of `value` with personal-data-looking strings replaced; `hits` lists the paths touched. */
export function redact<T>(value: T, path = "$", hits: string[] = []): { value: T; hits: string[] } {
  const walk = (v: unknown, p: string, key: string | null): unknown => {
    if (typeof v === "string") {
      if (key !== null && SAFE_KEYS.has(key)) {
        return v
      }
      const { text, rules } = redactText(v)
      if (rules.length) {
        hits.push(`${p} (${rules.join(", ")})`)
      }
      return text
    }
    if (Array.isArray(v)) {
      return v.map((x, i) => walk(x, `${p}[${i}]`, key))
    }
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, `${p}.${k}`, k)]))
    }
    return v
  }
  return { value: walk(value, path, null) as T, hits }
}
