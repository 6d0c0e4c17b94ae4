import { z } from "@medusajs/framework/zod"
import { SORTS } from "../modules/catalog_search/types"

/** A repeated or comma-separated query parameter → list of strings. */
const list = (item: z.ZodString, max = 50) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(max))

const unspsc = (level: string, re: RegExp) =>
  list(z.string().regex(re, { message: `debe ser un código UNSPSC de ${level} (8 dígitos)` }), 20)

const pesos = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, { message: "importe inválido: usa pesos con hasta 2 decimales" })

export const StoreSearch = z
  .object({
    q: z.string().trim().max(200).optional(),
    segment: unspsc("segmento", /^\d{2}000000$/).optional(),
    family: unspsc("familia", /^\d{4}0000$/).optional(),
    class: unspsc("clase", /^\d{6}00$/).optional(),
    contract: list(z.string().min(1).max(60), 20).optional(),
    supplier: list(z.string().min(1).max(60), 50).optional(),
    zone: list(z.string().regex(/^[A-Z]{3}$/, { message: "debe ser una clave de estado del SAT (3 letras)" }), 32).optional(),
    sme: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    price_min: pesos.optional(),
    price_max: pesos.optional(),
    sort: z.enum(SORTS).default("relevance"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10000).default(0),
  })
  .strict()
export type StoreSearchType = z.infer<typeof StoreSearch>

export const StoreSuggest = z
  .object({
    q: z.string().trim().min(1).max(100),
    limit: z.coerce.number().int().min(1).max(20).default(8),
  })
  .strict()
export type StoreSuggestType = z.infer<typeof StoreSuggest>
