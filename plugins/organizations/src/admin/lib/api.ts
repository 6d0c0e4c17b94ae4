/**
 * Fetches one of our admin routes with the dashboard's session cookie and
 * turns the API's Spanish error body into an Error.
 */
export async function adminGet<T>(path: string): Promise<T> {
  return adminSend<T>(path)
}

/** Like `adminGet`, for any method; a body is sent as JSON. */
export async function adminSend<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(path, {
    method: init?.method ?? "GET",
    credentials: "include",
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) },
    body: init?.body ? JSON.stringify(init.body) : undefined,
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new Error(body.message ?? `Error ${res.status}`)
  }
  return body as T
}

/** Only the fields that changed (so the audit ledger names exactly them); empty strings become null. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {}
  for (const key of Object.keys(after) as (keyof T)[]) {
    const value = after[key] === "" ? null : after[key]
    if (value !== (before[key] ?? null)) {
      out[key] = value as T[keyof T]
    }
  }
  return out
}
