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
