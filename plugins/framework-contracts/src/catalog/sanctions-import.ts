import { parse } from "csv-parse/sync"
import { checkRfc } from "@tienda/organizations/utils"

export type ParsedSanction = {
  supplier_rfc: string
  supplier_name: string
  type: string
  authority: string
  starts_on: string
  ends_on: string | null
  reason: string | null
  source: string
}

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "")

const ALIASES: Record<keyof Omit<ParsedSanction, "source">, string[]> = {
  supplier_rfc: ["rfc"],
  supplier_name: ["nombre", "razonsocial", "nombreorazonsocial", "proveedor"],
  type: ["tipo", "tiposancion", "tipodesancion", "sancion"],
  authority: ["autoridad", "autoridadsancionadora", "dependencia"],
  starts_on: ["fechainicio", "inicio", "fechadeinicio"],
  ends_on: ["fechafin", "fin", "fechadetermino", "fechatermino"],
  reason: ["motivo", "causa", "observaciones"],
}

/** dd/mm/yyyy or yyyy-mm-dd → yyyy-mm-dd, or null when it is not a date. */
function isoDate(value: string): string | null {
  const v = value.trim()
  let m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (m) {
    return v
  }
  m = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/)
  if (m) {
    return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`
  }
  return null
}

/**
 * Parses a CSV of the directory of sanctioned suppliers (SFP / Buen
 * Gobierno): RFC, name, sanction type, authority, start and end dates,
 * reason. Returns usable rows and every rejected line with its reason.
 */
export function parseSanctionsCsv(text: string, source = "csv") {
  const records: string[][] = parse(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  })
  const rows: ParsedSanction[] = []
  const rejected: { row: number; reason: string }[] = []
  if (!records.length) {
    return { rows, rejected: [{ row: 1, reason: "El archivo está vacío." }] }
  }
  const header = records[0].map(norm)
  const idx = Object.fromEntries(Object.entries(ALIASES).map(([k, names]) => [k, header.findIndex((h) => names.includes(h))])) as Record<
    keyof typeof ALIASES,
    number
  >
  const missing = (["supplier_rfc", "supplier_name", "type", "authority", "starts_on"] as const).filter((k) => idx[k] < 0)
  if (missing.length) {
    return {
      rows,
      rejected: [
        {
          row: 1,
          reason: `Faltan columnas: ${missing.join(", ")} (se esperan RFC, Nombre, Tipo, Autoridad, Fecha inicio, Fecha fin, Motivo).`,
        },
      ],
    }
  }
  records.slice(1).forEach((r, i) => {
    const line = i + 2
    const get = (k: keyof typeof ALIASES) => (idx[k] >= 0 ? (r[idx[k]] ?? "").trim() : "")
    const rfc = checkRfc(get("supplier_rfc"))
    if (!rfc.valid) {
      rejected.push({ row: line, reason: rfc.message })
      return
    }
    const starts = isoDate(get("starts_on"))
    const endsRaw = get("ends_on")
    const ends = endsRaw ? isoDate(endsRaw) : null
    if (!starts || (endsRaw && !ends)) {
      rejected.push({ row: line, reason: "Fecha inválida: usa dd/mm/aaaa o aaaa-mm-dd." })
      return
    }
    if (!get("type") || !get("authority") || !get("supplier_name")) {
      rejected.push({ row: line, reason: "Faltan el nombre, el tipo de sanción o la autoridad." })
      return
    }
    rows.push({
      supplier_rfc: rfc.rfc,
      supplier_name: get("supplier_name"),
      type: get("type"),
      authority: get("authority"),
      starts_on: starts,
      ends_on: ends,
      reason: get("reason") || null,
      source,
    })
  })
  return { rows, rejected }
}
