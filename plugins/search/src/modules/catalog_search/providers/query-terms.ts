import { words } from "../documents"
import { SYNONYMS } from "../language"

export type TermInfo = { word: string; known: boolean; prefix_known: boolean; near: string[] }

/** Words shorter than this are never "corrected" (codes, "hb", "a4"). */
const MIN_CORRECTABLE = 4

/**
 * Builds a tsquery (tienda_es) from the typed words and what the vocabulary
 * knows about them: known words match as typed (the last one as a prefix,
 * for as-you-type), unknown words are replaced by their nearest vocabulary
 * words by trigram similarity ("boligrfo" → boligrafo | boligrafos).
 * Returns null when nothing searchable was typed.
 */
export function buildTsQuery(infos: TermInfo[], opts: { prefixAll?: boolean } = {}) {
  if (!infos.length) {
    return null
  }
  const corrected: string[] = []
  const parts = infos.map((t, i) => {
    const prefix = opts.prefixAll || i === infos.length - 1
    const asTyped = () => {
      corrected.push(t.word)
      const alts = SYNONYMS[t.word] ?? []
      const term = prefix ? `${t.word}:*` : t.word
      return alts.length ? `(${[term, ...alts].join(" | ")})` : term
    }
    if (t.known || (prefix && t.prefix_known) || t.word.length < MIN_CORRECTABLE || !t.near.length) {
      return asTyped()
    }
    corrected.push(t.near[0])
    return `(${t.near.join(" | ")})`
  })
  const typed = infos.map((t) => t.word).join(" ")
  const fixed = corrected.join(" ")
  return { tsquery: parts.join(" & "), corrected: fixed !== typed ? fixed : null }
}

/** The query's words, deduplicated, at most 8 (longer queries add nothing). */
export function queryWords(q: string | undefined): string[] {
  return [...new Set(words(q ?? ""))].filter((w) => /^[a-z0-9]+$/.test(w)).slice(0, 8)
}
