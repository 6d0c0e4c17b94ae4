/**
 * UNSPSC codes: 8 digits, two per level. Upper levels end in zeros:
 * segment 44000000, family 44120000, class 44121700, commodity 44121701.
 */
export type UnspscLevel = "segment" | "family" | "class" | "commodity"

export function unspscLevel(code: string): UnspscLevel | null {
  if (!/^\d{8}$/.test(code) || code.startsWith("00")) {
    return null
  }
  const pairs = [code.slice(2, 4), code.slice(4, 6), code.slice(6, 8)]
  if (pairs[0] === "00") {
    return pairs[1] === "00" && pairs[2] === "00" ? "segment" : null
  }
  if (pairs[1] === "00") {
    return pairs[2] === "00" ? "family" : null
  }
  return pairs[2] === "00" ? "class" : "commodity"
}

/** Parent node code, or null for a segment. */
export function unspscParent(code: string): string | null {
  switch (unspscLevel(code)) {
    case "commodity":
      return `${code.slice(0, 6)}00`
    case "class":
      return `${code.slice(0, 4)}0000`
    case "family":
      return `${code.slice(0, 2)}000000`
    default:
      return null
  }
}

/** Codes of the segment, family and class above a commodity, top first. */
export function unspscAncestors(code: string): string[] {
  const out: string[] = []
  let p = unspscParent(code)
  while (p) {
    out.unshift(p)
    p = unspscParent(p)
  }
  return out
}

/** COG partida específica: 5 digits of capítulo 2000 (materiales y suministros) to 5000 (bienes muebles). */
export function isCogPartida(value: string | null | undefined): boolean {
  return !!value && /^[2-5]\d{4}$/.test(value) && !value.endsWith("000")
}
