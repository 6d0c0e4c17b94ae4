import Medusa from "@medusajs/js-sdk"

/**
 * The single SDK instance; server-side only (see lib/data). Both values are
 * read at run time: NEXT_PUBLIC_* variables would be frozen into the build,
 * and the publishable key changes with each database.
 */
export const sdk = new Medusa({
  baseUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY,
})

/** Where the server-side code reaches the Medusa API (read at run time). */
export function backendUrl(): string {
  return (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, "")
}

/** Publishable key sent on /store/* calls (read at run time). */
export function publishableKey(): string | undefined {
  return process.env.MEDUSA_PUBLISHABLE_KEY || undefined
}
