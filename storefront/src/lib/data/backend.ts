import "server-only"
import { backendUrl, publishableKey } from "@lib/config"

/** A refusal as the API states it: stable code plus the Spanish message. */
export type ApiError = {
  status: number
  code: string
  message: string
  /** Every rule a CFDI fails (422 CFDI_INVALIDO), as the API lists them. */
  failures?: CfdiFailure[]
}

/** One failed CFDI validation rule: its code, the XML field it concerns and the Spanish message. */
export type CfdiFailure = { rule: string; field: string; message: string }

export type ApiResult<T> = { ok: true; data: T; headers: Headers } | { ok: false; error: ApiError }

type Options = {
  method?: "GET" | "POST" | "DELETE"
  token?: string
  body?: unknown
  /** "json" (default) parses the answer; "text" and "bytes" return it raw. */
  as?: "json" | "text" | "bytes"
  /** Sent as `Idempotency-Key`: a repeated form submission replays the first answer instead of acting twice. */
  idempotencyKey?: string
}

const UNREACHABLE: ApiError = {
  status: 0,
  code: "SERVIDOR_NO_DISPONIBLE",
  message: "No fue posible comunicarse con el servidor de la Tienda Digital. Intenta de nuevo en unos minutos.",
}

/** Messages for refusals that come without a Spanish message (Medusa's own auth routes). */
function fallbackMessage(status: number): string {
  if (status === 401) {
    return "Tu sesión no es válida o expiró. Inicia sesión de nuevo."
  }
  if (status === 403) {
    return "Tu cuenta no tiene permiso para esta operación."
  }
  if (status === 404) {
    return "No se encontró lo que buscas."
  }
  return `El servidor respondió con un error (${status}). Intenta de nuevo.`
}

/**
 * Server-side call to the Medusa API with the caller's token (Bearer) and,
 * on /store routes, the publishable key. Never cached: every answer is
 * specific to the person. Refusals come back as { code, message } so pages
 * can show the server's Spanish message as is.
 */
export async function callBackend<T>(path: string, opts: Options = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: opts.as === "json" || !opts.as ? "application/json" : "*/*" }
  const key = publishableKey()
  if (path.startsWith("/store") && key) {
    headers["x-publishable-api-key"] = key
  }
  if (opts.token) {
    headers.authorization = `Bearer ${opts.token}`
  }
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json"
  }
  if (opts.idempotencyKey) {
    headers["idempotency-key"] = opts.idempotencyKey
  }
  let res: Response
  try {
    res = await fetch(`${backendUrl()}${path}`, {
      method: opts.method ?? "GET",
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      cache: "no-store",
    })
  } catch {
    return { ok: false, error: UNREACHABLE }
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: unknown; type?: unknown; message?: unknown; failures?: unknown }
    // The project's refusals carry an upper-case Spanish code and a Spanish
    // message; Medusa's own (e.g. /auth, "unknown_error") are English: replace those.
    const ours = typeof body.code === "string" && /^[A-Z][A-Z0-9_]+$/.test(body.code) && typeof body.message === "string"
    return ours
      ? {
          ok: false,
          error: {
            status: res.status,
            code: body.code as string,
            message: body.message as string,
            ...(Array.isArray(body.failures) ? { failures: body.failures.filter(isFailure) } : {}),
          },
        }
      : { ok: false, error: { status: res.status, code: `HTTP_${res.status}`, message: fallbackMessage(res.status) } }
  }
  const data = opts.as === "text" ? await res.text() : opts.as === "bytes" ? await res.arrayBuffer() : await res.json()
  return { ok: true, data: data as T, headers: res.headers }
}

function isFailure(v: unknown): v is CfdiFailure {
  const f = v as Partial<CfdiFailure> | null
  return !!f && typeof f.rule === "string" && typeof f.field === "string" && typeof f.message === "string"
}
