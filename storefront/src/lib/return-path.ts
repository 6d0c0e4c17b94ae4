const ORIGIN = "http://tienda.invalid"

/** Control characters and spaces (browsers strip some of them) and backslashes (read as slashes). */
const unsafe = (c: string) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || c === "\\"

/**
 * Where to go after logging in: only a path of this site. Anything that a
 * browser could read as another origin — `//host`, `/\host`, control
 * characters it strips (`/\t/host`), an absolute URL — falls back.
 */
export function safeReturnPath(v: unknown, fallback = "/contratos"): string {
  if (typeof v !== "string" || v.length > 2048 || !v.startsWith("/") || [...v].some(unsafe)) {
    return fallback
  }
  try {
    const url = new URL(v, ORIGIN)
    return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : fallback
  } catch {
    return fallback
  }
}
