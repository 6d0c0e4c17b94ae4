// Long-tail query generator for `npm run bench:search-longtail`: realistic
// buyer queries drawn from the catalog's own item vocabulary (item names and
// their codes, as indexed), with misspellings, plurals, prefixes typed so far,
// filters, sorts and second pages; requests are drawn with a Zipf-like skew
// (a few queries are frequent, most are asked once). Deterministic per seed.

/** Small deterministic PRNG (same generator as bench/setup.ts). */
import { URLSearchParams } from "node:url"
export function rand(seed) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0
    return s / 2 ** 32
  }
}

const STOP = new Set(["con", "de", "del", "la", "el", "los", "las", "para", "por", "en", "y", "o", "a", "al", "no", "g", "cm", "ml", "mm"])
const stripAccents = (w) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
const VOWELS = "aeiou"

/** One typing mistake: a dropped, doubled or swapped letter, or a wrong vowel. */
export function misspell(word, r) {
  if (word.length < 5) {
    return word
  }
  const i = 1 + Math.floor(r() * (word.length - 2))
  switch (Math.floor(r() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1)
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i)
    case 2:
      return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1)
    default: {
      const j = [...word].findIndex((c, k) => k >= i && VOWELS.includes(c))
      if (j < 0) {
        return word.slice(0, i) + word.slice(i + 1)
      }
      const v = VOWELS[(VOWELS.indexOf(word[j]) + 1 + Math.floor(r() * 4)) % 5]
      return word.slice(0, j) + v + word.slice(j + 1)
    }
  }
}

/** Singular ↔ plural the way a buyer types it. */
export function pluralize(word) {
  if (/[aeiou]s$/.test(word)) {
    return word.slice(0, -1)
  }
  if (/es$/.test(word) && word.length > 5) {
    return word.slice(0, -2)
  }
  return /[aeiou]$/.test(word) ? `${word}s` : `${word}es`
}

/**
 * `count` distinct query strings (paths under /store/catalog/search) built
 * from `docs` ({ name, class_code, supplier_ids, min_cents }). Returns the
 * paths in Zipf rank order (rank 0 is the most frequent) and the texts typed.
 */
export function generateQueries(docs, { count, seed = 7, exclude = new Set() }) {
  const r = rand(seed)
  const pick = (arr) => arr[Math.floor(r() * arr.length)]
  const out = []
  const seen = new Set(exclude)
  const texts = []
  for (let attempts = 0; out.length < count && attempts < count * 50; attempts++) {
    const doc = pick(docs)
    const tokens = doc.name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 2 && !STOP.has(w) && !/^\d+$/.test(w))
    if (!tokens.length) {
      continue
    }
    const n = Math.min(tokens.length, 1 + Math.floor(r() * r() * 3))
    const start = Math.floor(r() * (tokens.length - n + 1))
    let words = tokens.slice(start, start + n)
    // most buyers type without accents
    words = words.map((w) => (r() < 0.7 ? stripAccents(w) : w))
    const kind = r()
    if (kind < 0.15) {
      const k = Math.floor(r() * words.length)
      words[k] = misspell(words[k], r)
    } else if (kind < 0.27) {
      const k = Math.floor(r() * words.length)
      words[k] = pluralize(words[k])
    } else if (kind < 0.37) {
      // still typing the last word
      const last = words[words.length - 1]
      if (last.length >= 5) {
        words[words.length - 1] = last.slice(0, 3 + Math.floor(r() * (last.length - 3)))
      }
    }
    const q = words.join(" ")
    const params = new URLSearchParams({ q })
    const f = r()
    if (f < 0.12) {
      params.set("class", doc.class_code)
    } else if (f < 0.18) {
      params.set("sme", r() < 0.5 ? "true" : "false")
    } else if (f < 0.24) {
      params.set("zone", pick(["CMX", "JAL", "NLE", "PUE", "SON", "MEX"]))
    } else if (f < 0.3 && doc.min_cents) {
      params.set("price_max", String(Math.ceil((doc.min_cents * (1 + r())) / 100)))
    } else if (f < 0.34 && doc.supplier_ids?.length) {
      params.set("supplier", pick(doc.supplier_ids))
    }
    const s = r()
    if (s < 0.12) {
      params.set("sort", "price_asc")
    } else if (s < 0.18) {
      params.set("sort", "price_desc")
    } else if (s < 0.22) {
      params.set("sort", "delivery")
    }
    if (r() < 0.08) {
      params.set("offset", "20")
    }
    params.set("limit", "20")
    const path = `/store/catalog/search?${params}`
    if (!seen.has(path)) {
      seen.add(path)
      out.push(path)
      texts.push(q)
    }
  }
  return { paths: out, texts }
}

/** As-you-type prefixes (3+ letters) of the typed texts, distinct. */
export function suggestPaths(texts, { count, seed = 11 }) {
  const r = rand(seed)
  const out = new Set()
  for (let i = 0; out.size < count && i < count * 20; i++) {
    const t = texts[Math.floor(r() * texts.length)]
    if (t.length < 3) {
      continue
    }
    const cut = 3 + Math.floor(r() * (t.length - 2))
    const q = t.slice(0, cut).trimEnd()
    out.add(`/store/catalog/search/suggest?${new URLSearchParams({ q, limit: "8" })}`)
  }
  return [...out]
}

/**
 * An endless draw of indexes in [0, n) with P(rank k) ∝ 1 / (k + 1)^s
 * (Zipf-like; s = 1 by default).
 */
export function zipf(n, { s = 1, seed = 3 } = {}) {
  const r = rand(seed)
  const cdf = new Float64Array(n)
  let total = 0
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** s
    cdf[k] = total
  }
  return () => {
    const x = r() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid] < x) {
        lo = mid + 1
      } else {
        hi = mid
      }
    }
    return lo
  }
}

/** Exact percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) {
    return null
  }
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
