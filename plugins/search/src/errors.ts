import type { ErrorCatalogue } from "@tienda/organizations/http"

/**
 * Every error code of the search plugin.
 * Keyed by the stable code; each entry is the HTTP status it is answered
 * with and its Spanish meaning (the message at the throw names the record).
 * A code thrown anywhere in the plugin's source must be here
 * (scripts/lint/error-codes.unit.spec.ts); renaming or removing one is a
 * breaking change for API clients.
 */
export const SEARCH_ERRORS = {
  RANGO_DE_PRECIO_INVALIDO: { status: 400, message: "El precio mínimo no puede ser mayor que el precio máximo." },
} as const satisfies ErrorCatalogue

export type SearchErrorCode = keyof typeof SEARCH_ERRORS
