import { parse } from "csv-parse/sync"
import { unspscLevel, unspscParent, type UnspscLevel } from "./unspsc"

export type ClassifierRow = {
  code: string
  level: UnspscLevel
  parent_code: string | null
  title_es?: string
  title_en?: string
}

export type RejectedRow = { row: number; code: string; reason: string }

export type ParsedClassifier = {
  format: "unspsc" | "sat_clave_prod_serv"
  rows: ClassifierRow[]
  rejected: RejectedRow[]
}

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")

/**
 * Parses an official classifier file:
 *  - UNSPSC flat CSV: Segment, Segment Title, Family, Family Title, Class,
 *    Class Title, Commodity, Commodity Title (English titles; one row per
 *    commodity, upper levels repeated);
 *  - SAT c_ClaveProdServ export: c_ClaveProdServ, Descripción (Spanish).
 * Every row that cannot be used is reported with its line number and reason;
 * nothing is silently dropped.
 */
export function parseClassifierCsv(text: string): ParsedClassifier {
  const records: string[][] = parse(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  })
  if (!records.length) {
    return { format: "unspsc", rows: [], rejected: [{ row: 1, code: "", reason: "El archivo está vacío." }] }
  }
  const header = records[0].map(norm)
  const col = (name: string) => header.indexOf(norm(name))
  const rows = new Map<string, ClassifierRow>()
  const rejected: RejectedRow[] = []

  const add = (line: number, code: string, title: string, lang: "es" | "en", expected?: UnspscLevel) => {
    const level = unspscLevel(code)
    if (!level) {
      rejected.push({ row: line, code, reason: `«${code}» no es un código UNSPSC válido (8 dígitos por niveles).` })
      return
    }
    if (expected && level !== expected) {
      rejected.push({ row: line, code, reason: `«${code}» no corresponde al nivel ${expected}.` })
      return
    }
    if (!title) {
      rejected.push({ row: line, code, reason: `El código ${code} no tiene título.` })
      return
    }
    const current = rows.get(code) ?? { code, level, parent_code: unspscParent(code) }
    if (lang === "es") {
      current.title_es = title
    } else {
      current.title_en = title
    }
    rows.set(code, current)
  }

  if (col("c_ClaveProdServ") >= 0) {
    const ci = col("c_ClaveProdServ")
    const di = col("Descripción") >= 0 ? col("Descripción") : col("Descripcion")
    records.slice(1).forEach((r, i) => add(i + 2, (r[ci] ?? "").trim(), (r[di] ?? "").trim(), "es"))
    return { format: "sat_clave_prod_serv", rows: [...rows.values()], rejected }
  }

  const levels: [string, string, UnspscLevel][] = [
    ["Segment", "Segment Title", "segment"],
    ["Family", "Family Title", "family"],
    ["Class", "Class Title", "class"],
    ["Commodity", "Commodity Title", "commodity"],
  ]
  if (levels.some(([c, t]) => col(c) < 0 || col(t) < 0)) {
    return {
      format: "unspsc",
      rows: [],
      rejected: [
        {
          row: 1,
          code: "",
          reason:
            "Encabezados no reconocidos: se esperaba el formato UNSPSC (Segment, Segment Title, Family, Family Title, Class, Class Title, Commodity, Commodity Title) o el catálogo c_ClaveProdServ del SAT.",
        },
      ],
    }
  }
  records.slice(1).forEach((r, i) => {
    const line = i + 2
    const codes = levels.map(([c]) => (r[col(c)] ?? "").trim())
    const commodity = codes[3]
    if (unspscLevel(commodity) === "commodity") {
      const expected = [`${commodity.slice(0, 2)}000000`, `${commodity.slice(0, 4)}0000`, `${commodity.slice(0, 6)}00`]
      const bad = expected.findIndex((e, k) => codes[k] !== e)
      if (bad >= 0) {
        rejected.push({
          row: line,
          code: commodity,
          reason: `Jerarquía inconsistente: ${levels[bad][0]} ${codes[bad]} no contiene al artículo ${commodity}.`,
        })
        return
      }
    }
    levels.forEach(([, t, level], k) => add(line, codes[k], (r[col(t)] ?? "").trim(), "en", level))
  })
  return { format: "unspsc", rows: [...rows.values()], rejected }
}
