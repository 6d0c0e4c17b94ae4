import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** The largest integer PostgreSQL's `integer` holds; no quantity or count of the store exceeds it. */
export const MAX_INT = 2 ** 31 - 1
const MAX_DEPTH = 32

type Problem = { code: string; message: string; status: 400 | 415 }

/** The first NUL byte, out-of-range number or excessive nesting in a parsed body or query. */
export function inputProblem(value: unknown, where: string, depth = 0): Problem | null {
  if (depth > MAX_DEPTH) {
    return { status: 400, code: "DATOS_DEMASIADO_ANIDADOS", message: `Los datos de ${where} están anidados en exceso.` }
  }
  if (typeof value === "string") {
    return value.includes("\u0000")
      ? {
          status: 400,
          code: "CARACTER_NO_PERMITIDO",
          message: `Los datos de ${where} contienen un carácter nulo (U+0000), que no se admite.`,
        }
      : null
  }
  if (typeof value === "number") {
    return Math.abs(value) > MAX_INT
      ? {
          status: 400,
          code: "NUMERO_FUERA_DE_RANGO",
          message: `Un número de ${where} excede el máximo admitido (${MAX_INT}); los importes se envían como texto decimal.`,
        }
      : null
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const p = inputProblem(k, where, depth + 1) ?? inputProblem(v, where, depth + 1)
      if (p) {
        return p
      }
    }
  }
  return null
}

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\b/i

function hasBody(req: MedusaRequest): boolean {
  const length = req.headers["content-length"]
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined
}

/**
 * Input hygiene before any route runs: bodies of mutating requests are JSON,
 * and no string carries a NUL byte (PostgreSQL refuses them) nor any number
 * exceeds a PostgreSQL integer, in the body, the query string or the path.
 * Each refusal is a 4xx with a Spanish message; nothing is written.
 */
export function rejectHostileInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const fail = (p: Problem) => res.status(p.status).json({ type: "invalid_data", code: p.code, message: p.message })
  if (
    ["POST", "PUT", "PATCH", "DELETE"].includes(req.method) &&
    hasBody(req) &&
    !JSON_TYPE.test(String(req.headers["content-type"] ?? ""))
  ) {
    return fail({
      status: 415,
      code: "TIPO_DE_CONTENIDO_NO_ADMITIDO",
      message: "El cuerpo de la solicitud debe enviarse como JSON (Content-Type: application/json).",
    })
  }
  const url = req.originalUrl ?? req.url
  if (/%00/i.test(url) || url.includes("\u0000")) {
    return fail({
      status: 400,
      code: "CARACTER_NO_PERMITIDO",
      message: "La dirección contiene un carácter nulo (U+0000), que no se admite.",
    })
  }
  const problem = inputProblem(req.body, "la solicitud") ?? inputProblem(req.query, "la consulta")
  return problem ? fail(problem) : next()
}
