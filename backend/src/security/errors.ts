import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export type ErrorBody = { type: string; code: string; message: string }

/** Our own error codes (UPPER_SNAKE, Spanish); their messages are already Spanish. */
const OWN_CODE = /^[A-Z][A-Z0-9_]{2,}$/

const T = MedusaError.Types

/** SQLSTATE classes that mean "bad input", never "server fault". */
function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; sqlState?: unknown; cause?: { code?: unknown } } | undefined
  const candidates = [e?.sqlState, e?.code, e?.cause?.code]
  return candidates.find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c))
}

const GENERIC: Record<number, ErrorBody> = {
  400: { type: "invalid_data", code: "DATOS_INVALIDOS", message: "La solicitud tiene datos inválidos o incompletos." },
  401: {
    type: "unauthorized",
    code: "AUTENTICACION_FALLIDA",
    message: "No se pudo verificar tu identidad: revisa tu correo y contraseña, o vuelve a iniciar sesión.",
  },
  403: { type: "forbidden", code: "PROHIBIDO", message: "No tienes permiso para realizar esta operación." },
  404: { type: "not_found", code: "NO_ENCONTRADO", message: "No encontramos el recurso solicitado." },
  409: { type: "conflict", code: "CONFLICTO", message: "Otra operación cambió estos datos al mismo tiempo; vuelve a intentarlo." },
  413: { type: "invalid_data", code: "CUERPO_DEMASIADO_GRANDE", message: "El cuerpo de la solicitud excede el tamaño máximo admitido." },
  415: {
    type: "invalid_data",
    code: "TIPO_DE_CONTENIDO_NO_ADMITIDO",
    message: "El cuerpo de la solicitud debe enviarse como JSON (Content-Type: application/json).",
  },
  422: { type: "invalid_data", code: "DATOS_NO_PROCESABLES", message: "La solicitud no se puede procesar con los datos enviados." },
  500: {
    type: "unexpected_error",
    code: "ERROR_INTERNO",
    message: "Ocurrió un error inesperado; quedó registrado. Vuelve a intentarlo más tarde.",
  },
}

const STATUS_OF_TYPE: Record<string, number> = {
  [T.NOT_FOUND]: 404,
  [T.INVALID_DATA]: 400,
  [T.NOT_ALLOWED]: 400,
  [T.INVALID_ARGUMENT]: 400,
  [T.UNAUTHORIZED]: 401,
  [T.FORBIDDEN]: 403,
  [T.CONFLICT]: 409,
  [T.DUPLICATE_ERROR]: 422,
  [T.PAYMENT_AUTHORIZATION_ERROR]: 422,
  [T.UNEXPECTED_STATE]: 500,
  [T.DB_ERROR]: 500,
}

/**
 * The answer for any error that reaches the end of a request: its status and
 * a `{ type, code, message }` body in Spanish. Our own errors keep their code
 * and message; Medusa's, the body parser's and the database's get a stable
 * code and a Spanish message; a 5xx never carries SQL text or a stack.
 */
export function errorResponse(err: unknown): { status: number; body: ErrorBody } {
  const e = (err ?? {}) as {
    type?: string
    code?: unknown
    message?: string
    status?: number
    statusCode?: number
    expose?: boolean
    name?: string
  }
  // body parser and other http-errors: 400 malformed JSON, 413 too large, 415 charset…
  const httpStatus = typeof e.statusCode === "number" ? e.statusCode : typeof e.status === "number" ? e.status : undefined
  const medusa = !!err && typeof err === "object" && MedusaError.isMedusaError(err)
  if (httpStatus && httpStatus >= 400 && httpStatus < 500 && !medusa) {
    const base = GENERIC[httpStatus] ?? GENERIC[400]
    if (e.type === "entity.parse.failed") {
      return { status: 400, body: { type: "invalid_data", code: "JSON_INVALIDO", message: "El cuerpo de la solicitud no es JSON válido." } }
    }
    return { status: httpStatus, body: base }
  }
  const state = sqlState(err)
  if (state) {
    if (state.startsWith("22") || state === "23502" || state === "23514") {
      // data exception (out of range, NUL byte, bad text representation), not-null, check
      return { status: 400, body: GENERIC[400] }
    }
    if (["23505", "40001", "40P01", "55P03"].includes(state)) {
      return { status: 409, body: GENERIC[409] }
    }
    if (state === "23503") {
      return { status: 404, body: GENERIC[404] }
    }
    return { status: 500, body: GENERIC[500] }
  }
  const status = (medusa && e.type && STATUS_OF_TYPE[e.type]) || (e.name === "ZodError" ? 400 : 500)
  if (medusa && typeof e.code === "string" && OWN_CODE.test(e.code) && e.message) {
    return { status, body: { type: e.type ?? GENERIC[status].type, code: e.code, message: e.message } }
  }
  return { status, body: GENERIC[status] ?? GENERIC[500] }
}

/** The application's error handler (defineMiddlewares({ errorHandler })). */
export function spanishErrorHandler() {
  return (err: unknown, req: MedusaRequest, res: MedusaResponse, _next: MedusaNextFunction) => {
    const { status, body } = errorResponse(err)
    const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
    if (status >= 500) {
      logger.error(err as Error)
    } else {
      logger.info(`${status} ${req.method} ${req.path}: ${(err as Error)?.message ?? String(err)}`)
    }
    if (res.headersSent) {
      return
    }
    res.status(status).json(body)
  }
}
