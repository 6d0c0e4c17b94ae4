import type { Release } from "./build"

type Json = unknown

const isObject = (v: Json): v is Record<string, Json> => !!v && typeof v === "object" && !Array.isArray(v)

/** Arrays of objects that all carry an `id` merge by id (OCDS merge rules); other arrays are replaced. */
function mergeArrays(a: Json[], b: Json[]): Json[] {
  const identified = (xs: Json[]) => xs.length > 0 && xs.every((x) => isObject(x) && typeof x.id === "string" && x.id !== "")
  if (!identified(a) || !identified(b)) {
    return b
  }
  const out = new Map<string, Json>()
  for (const x of a as Record<string, Json>[]) {
    out.set(x.id as string, x)
  }
  for (const x of b as Record<string, Json>[]) {
    const prev = out.get(x.id as string)
    out.set(x.id as string, prev === undefined ? x : mergeValue(prev, x))
  }
  return [...out.values()]
}

function mergeValue(a: Json, b: Json): Json {
  if (b === null) {
    return undefined
  }
  if (isObject(a) && isObject(b)) {
    const out: Record<string, Json> = { ...a }
    for (const [k, v] of Object.entries(b)) {
      const merged = k in out ? mergeValue(out[k], v) : v === null ? undefined : v
      if (merged === undefined) {
        delete out[k]
      } else {
        out[k] = merged
      }
    }
    return out
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return mergeArrays(a, b)
  }
  return b
}

/**
 * The compiled release of a record: the releases merged in date order
 * (objects field by field, arrays of identified objects by id, later values
 * win, null removes), tagged `compiled`. `tag`, `id` and `date` come from
 * the compilation itself.
 */
export function compileReleases(releases: Release[]): Release {
  const sorted = [...releases].sort((x, y) => x.date.localeCompare(y.date))
  let out: Record<string, Json> = {}
  for (const r of sorted) {
    const { tag: _tag, id: _id, ...rest } = r
    out = mergeValue(out, rest) as Record<string, Json>
  }
  const last = sorted[sorted.length - 1]
  return { ...out, ocid: last.ocid, id: `${last.ocid}-compiled`, date: last.date, tag: ["compiled"] } as Release
}
