/**
 * Fetches one of our admin routes with the dashboard's session cookie and
 * turns the API's Spanish error body into an Error.
 */
export async function adminGet<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: "include", headers: { accept: "application/json" } })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new Error(body.message ?? `Error ${res.status}`)
  }
  return body as T
}
