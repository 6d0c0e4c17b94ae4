import { MedusaError } from "@medusajs/framework/utils"

/**
 * Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers as ECMAScript's
 * JSON.stringify writes them (which is what JCS prescribes). Properties whose
 * value is `undefined` are omitted (as JSON.stringify does); `undefined` in an
 * array, NaN, Infinity, bigint, functions and symbols are refused, so two
 * parties that hash "the same" document always hash the same bytes. Dates
 * are written as their ISO-8601 UTC string.
 */
export function canonicalJson(value: unknown): string {
  return write(value, "$")
}

function refuse(path: string, what: string): never {
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `El documento no se puede serializar de forma canónica: ${what} en «${path}».`,
    "JSON_CANONICO_INVALIDO",
  )
}

function write(value: unknown, path: string): string {
  if (value === null) {
    return "null"
  }
  switch (typeof value) {
    case "string":
      return JSON.stringify(value)
    case "boolean":
      return value ? "true" : "false"
    case "number":
      if (!Number.isFinite(value)) {
        refuse(path, "número no finito")
      }
      return JSON.stringify(value)
    case "object":
      break
    default:
      return refuse(path, `valor de tipo ${typeof value}`)
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      refuse(path, "fecha inválida")
    }
    return JSON.stringify(value.toISOString())
  }
  if (Array.isArray(value)) {
    return `[${value.map((v, i) => (v === undefined ? refuse(`${path}[${i}]`, "valor indefinido") : write(v, `${path}[${i}]`))).join(",")}]`
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], `${path}.${k}`)}`).join(",")}}`
}
