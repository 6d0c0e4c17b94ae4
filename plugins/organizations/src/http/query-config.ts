import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/**
 * A list or detail route's field configuration, Medusa's `query-config.ts` shape:
 * `defaults` is what the route answers per record without `?fields=`;
 * `allowed` what a client may ask for (the defaults when omitted).
 */
export type ListQueryConfig = { defaults: readonly string[]; allowed?: readonly string[]; isList?: boolean }

/** Spread into a list or detail route's query schema: `?fields=number,status` (or `+f`/`-f` relative to the defaults). */
export const fieldsSchema = {
  fields: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe(
      "Campos de cada registro, separados por comas (p. ej. `id,number,status`); `+campo`/`-campo` añaden o quitan de los predeterminados.",
    ),
}

/** The code of a `fields` name outside `allowed` (ORGANIZATIONS_ERRORS). */
export const FIELDS_ERROR = "CAMPOS_NO_PERMITIDOS"

/**
 * The fields to answer for `requested` (the raw `fields` parameter), as
 * Medusa reads it: plain names replace the defaults, `+name`/`-name` add to
 * or remove from them. A name outside `allowed` is refused (400
 * CAMPOS_NO_PERMITIDOS, naming it and the allowed ones), never ignored.
 */
export function resolveFields(requested: string | undefined, config: ListQueryConfig): string[] {
  const defaults = [...config.defaults]
  const allowed = new Set(config.allowed ?? config.defaults)
  if (requested === undefined || requested.trim() === "") {
    return defaults
  }
  const names = requested
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean)
  const unknown = names.map((n) => n.replace(/^[+-]/, "")).filter((n) => !allowed.has(n))
  if (unknown.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Campos no permitidos en «fields»: ${[...new Set(unknown)].join(", ")}. Campos disponibles: ${[...allowed].join(", ")}.`,
      "CAMPOS_NO_PERMITIDOS",
    )
  }
  const plain = names.filter((n) => !/^[+-]/.test(n))
  const result = new Set(plain.length ? plain : defaults)
  for (const n of names) {
    if (n.startsWith("+")) {
      result.add(n.slice(1))
    } else if (n.startsWith("-")) {
      result.delete(n.slice(1))
    }
  }
  return [...result]
}

/** Sets `req.queryConfig` from the validated query (fields and limit/offset), like Medusa's validateAndTransformQuery. */
export function applyQueryConfig(req: MedusaRequest, validated: Record<string, unknown>, config: ListQueryConfig): void {
  const fields = resolveFields(validated.fields as string | undefined, config)
  req.queryConfig = {
    fields,
    pagination: {
      skip: Number(validated.offset ?? 0),
      ...(validated.limit !== undefined ? { take: Number(validated.limit) } : {}),
    },
  }
}

/**
 * One record (a detail route, `GET /…/:id`) as the client asked: without
 * `?fields=` unchanged, with it only the requested top-level fields.
 */
export function pickRecordFields<T extends object>(req: Pick<MedusaRequest, "validatedQuery" | "queryConfig">, row: T): Partial<T> {
  return pickFields(req, [row])[0]
}

/**
 * The records as the client asked: without `?fields=` unchanged (the
 * defaults are what the route answers), with it only the requested fields.
 */
export function pickFields<T extends object>(req: Pick<MedusaRequest, "validatedQuery" | "queryConfig">, rows: T[]): Partial<T>[] {
  if (!req.validatedQuery?.fields || !req.queryConfig?.fields) {
    return rows
  }
  const fields = req.queryConfig.fields
  return rows.map(
    (row) => Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, (row as Record<string, unknown>)[f]])) as Partial<T>,
  )
}
