// Canonical JSON, byte-identical to the server's canonicalJson
// (plugins/organizations/src/audit/canonical-json.ts; a unit test cross-checks
// them): keys sorted by UTF-16 code units, no whitespace, strings and numbers
// as JSON.stringify writes them (RFC 8785), undefined properties omitted,
// Dates as ISO-8601 UTC; undefined in arrays, NaN, Infinity, bigint,
// functions and symbols are refused.

export class CanonicalJsonError extends Error {
  constructor(path, what) {
    super(`El documento no se puede serializar de forma canónica: ${what} en «${path}».`)
    this.name = "CanonicalJsonError"
    this.code = "JSON_CANONICO_INVALIDO"
  }
}

function refuse(path, what) {
  throw new CanonicalJsonError(path, what)
}

function write(value, path) {
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
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(value[k], `${path}.${k}`)}`).join(",")}}`
}

/** The canonical JSON text of a value. */
export function canonicalJson(value) {
  return write(value, "$")
}
