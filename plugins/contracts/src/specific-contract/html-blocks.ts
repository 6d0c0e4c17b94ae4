/**
 * A tiny reader for the HTML our contract templates produce, turning it into
 * blocks the PDF writer lays out: headings, paragraphs and tables, with bold
 * runs. It is not a general HTML parser: unknown tags are treated as inline
 * containers (their text is kept), <head>, <style>, <script> and comments
 * are skipped.
 */
export type Run = { text: string; bold: boolean }
export type Align = "left" | "center" | "right" | "justify"
export type Cell = { runs: Run[]; header: boolean; align: Align }
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; align: Align; small: boolean }
  | { kind: "table"; className: string; widths: number[]; rows: Cell[][] }

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e.startsWith("#x")) {
      return String.fromCodePoint(parseInt(e.slice(2), 16))
    }
    if (e.startsWith("#")) {
      return String.fromCodePoint(parseInt(e.slice(1), 10))
    }
    return ENTITIES[e] ?? m
  })
}

const BLOCK_TAGS = new Set(["p", "div", "section", "header", "footer", "article", "li", "ul", "ol", "body", "h1", "h2", "h3", "h4"])
const BOLD_TAGS = new Set(["strong", "b", "th", "h1", "h2", "h3", "h4"])
const SKIP_TAGS = new Set(["head", "style", "script", "title"])

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`${name}\\s*=\\s*"([^"]*)"`, "i").exec(attrs)
  return m ? decodeEntities(m[1]) : null
}

function alignOf(className: string, fallback: Align): Align {
  const c = ` ${className} `
  if (c.includes(" center ")) {
    return "center"
  }
  if (c.includes(" num ") || c.includes(" right ")) {
    return "right"
  }
  return fallback
}

function normalize(runs: Run[]): Run[] {
  const out: Run[] = []
  for (const r of runs) {
    const text = r.text.replace(/[ \t\r\n\f]+/g, " ")
    const last = out[out.length - 1]
    if (last && last.bold === r.bold) {
      last.text += text
    } else {
      out.push({ text, bold: r.bold })
    }
  }
  // trim the ends and the spaces around forced line breaks
  if (out.length) {
    out[0].text = out[0].text.replace(/^ +/, "")
    out[out.length - 1].text = out[out.length - 1].text.replace(/ +$/, "")
  }
  for (const r of out) {
    r.text = r.text.replace(/ *\n */g, "\n")
  }
  return out.filter((r) => r.text.length > 0)
}

export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = []
  const token = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g
  let runs: Run[] = []
  let bold = 0
  let skip = 0
  const blockStack: { tag: string; className: string }[] = []
  let table: { className: string; widths: number[]; rows: Cell[][] } | null = null
  let row: Cell[] | null = null
  let cell: Cell | null = null

  const flush = () => {
    const r = normalize(runs)
    runs = []
    if (!r.length) {
      return
    }
    const top = blockStack[blockStack.length - 1]
    const tag = top?.tag ?? "p"
    const cls = blockStack.map((b) => b.className).join(" ")
    if (tag === "h1" || tag === "h2" || tag === "h3" || tag === "h4") {
      blocks.push({ kind: "heading", level: tag === "h1" ? 1 : tag === "h2" ? 2 : 3, runs: r })
    } else {
      blocks.push({ kind: "paragraph", runs: r, align: alignOf(cls, "justify"), small: ` ${cls} `.includes(" small ") })
    }
  }

  let m: RegExpExecArray | null
  while ((m = token.exec(html))) {
    const [, closing, rawTag, attrs, text] = m
    if (text !== undefined) {
      if (skip) {
        continue
      }
      const run = { text: decodeEntities(text), bold: bold > 0 }
      if (cell) {
        cell.runs.push(run)
      } else if (!table) {
        runs.push(run)
      }
      continue
    }
    if (!rawTag) {
      continue // comment
    }
    const tag = rawTag.toLowerCase()
    if (SKIP_TAGS.has(tag)) {
      skip += closing ? -1 : 1
      skip = Math.max(skip, 0)
      continue
    }
    if (skip) {
      continue
    }
    if (BOLD_TAGS.has(tag)) {
      bold += closing ? -1 : 1
      bold = Math.max(bold, 0)
    }
    if (tag === "br") {
      ;(cell ? cell.runs : runs).push({ text: "\n", bold: false })
      continue
    }
    if (tag === "table") {
      if (!closing) {
        flush()
        table = { className: attr(attrs, "class") ?? "", widths: [], rows: [] }
      } else if (table) {
        blocks.push({ kind: "table", ...table })
        table = null
      }
      continue
    }
    if (table) {
      if (tag === "tr") {
        if (!closing) {
          row = []
        } else if (row) {
          table.rows.push(row)
          row = null
        }
      } else if (tag === "td" || tag === "th") {
        if (!closing) {
          cell = { runs: [], header: tag === "th", align: alignOf(attr(attrs, "class") ?? "", "left") }
          if (tag === "th" && table.rows.length === 0) {
            table.widths.push(Number(attr(attrs, "data-w") ?? "1") || 1)
          }
        } else if (cell && row) {
          cell.runs = normalize(cell.runs)
          row.push(cell)
          cell = null
        }
      }
      continue
    }
    if (BLOCK_TAGS.has(tag)) {
      flush()
      if (!closing) {
        blockStack.push({ tag, className: attr(attrs, "class") ?? "" })
      } else {
        const i = blockStack.map((b) => b.tag).lastIndexOf(tag)
        if (i >= 0) {
          blockStack.splice(i)
        }
      }
    }
  }
  flush()
  return blocks
}
