import PDFDocument from "pdfkit"
import { htmlToBlocks, type Block, type Cell, type Run } from "./html-blocks"

const FONT = "Helvetica"
const BOLD = "Helvetica-Bold"
const MARGIN = 57 // 2 cm
const BOTTOM = 64

export type PdfMeta = {
  title: string
  number: string
  data_sha256: string
  /** Fixed creation date, so the same document always gives the same bytes. */
  created_at: Date
}

type Doc = InstanceType<typeof PDFDocument>

function writeRuns(doc: Doc, runs: Run[], size: number, opts: { align: string; width: number; x?: number; y?: number }) {
  doc.fontSize(size)
  runs.forEach((r, i) => {
    doc.font(r.bold ? BOLD : FONT)
    const o = { align: opts.align, width: opts.width, continued: i < runs.length - 1, lineGap: 1 } as Record<string, unknown>
    if (i === 0 && opts.x !== undefined) {
      doc.text(r.text, opts.x, opts.y, o)
    } else {
      doc.text(r.text, o)
    }
  })
}

function cellText(c: Cell): string {
  return c.runs.map((r) => r.text).join("")
}

function cellHeight(doc: Doc, c: Cell, width: number, size: number): number {
  doc.fontSize(size).font(c.header || c.runs.every((r) => r.bold) ? BOLD : FONT)
  return doc.heightOfString(cellText(c) || " ", { width, lineGap: 1 })
}

function drawTable(doc: Doc, block: Extract<Block, { kind: "table" }>) {
  const signatures = ` ${block.className} `.includes(" firmas ")
  const usable = doc.page.width - MARGIN * 2
  const columns = Math.max(...block.rows.map((r) => r.length), 1)
  const weights = block.widths.length === columns ? block.widths : Array.from({ length: columns }, () => 1)
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => (usable * w) / total)
  const size = signatures ? 9 : 7.5
  const pad = 3
  const header = block.rows[0]?.every((c) => c.header) ? block.rows[0] : null

  const drawRow = (row: Cell[], isHeader: boolean) => {
    const top = signatures ? 36 : pad
    const h = Math.max(...row.map((c, i) => cellHeight(doc, c, widths[i] - pad * 2, size))) + top + pad
    if (doc.y + h > doc.page.height - BOTTOM) {
      doc.addPage()
      if (header && !isHeader) {
        drawRow(header, true)
      }
    }
    const y = doc.y
    let x = MARGIN
    row.forEach((c, i) => {
      if (!signatures) {
        if (isHeader) {
          doc.save().rect(x, y, widths[i], h).fill("#eeeeee").restore()
        }
        doc.save().lineWidth(0.5).strokeColor("#999999").rect(x, y, widths[i], h).stroke().restore()
      }
      doc.fillColor("#111111")
      writeRuns(doc, c.header ? c.runs.map((r) => ({ ...r, bold: true })) : c.runs, size, {
        align: signatures ? "center" : c.align,
        width: widths[i] - pad * 2,
        x: x + pad,
        y: y + top,
      })
      x += widths[i]
    })
    doc.x = MARGIN
    doc.y = y + h
  }

  block.rows.forEach((row, i) => drawRow(row, i === 0 && row === header))
  doc.moveDown(0.6)
}

/**
 * Lays out the rendered contract HTML as a PDF (letter, 2 cm margins,
 * Helvetica), with a footer on every page naming the contract, the page and
 * the SHA-256 of the data. Deterministic: the same HTML and meta always give
 * the same bytes (fixed creation date, no random file id).
 */
export async function renderContractPdf(html: string, meta: PdfMeta): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: true,
    info: {
      Title: meta.title,
      Author: "Tienda Digital del Gobierno Federal",
      Subject: meta.number,
      Creator: "Tienda Digital",
      Producer: "Tienda Digital",
      CreationDate: meta.created_at,
      ModDate: meta.created_at,
    },
    lang: "es-MX",
  } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
  const width = doc.page.width - MARGIN * 2
  for (const block of htmlToBlocks(html)) {
    doc.x = MARGIN
    if (block.kind === "heading") {
      doc.moveDown(block.level === 1 ? 0 : 0.4)
      writeRuns(
        doc,
        block.runs.map((r) => ({ ...r, bold: true })),
        block.level === 1 ? 13 : block.level === 2 ? 11 : 9.5,
        {
          align: block.level === 3 ? "left" : "center",
          width,
        },
      )
      doc.moveDown(0.3)
    } else if (block.kind === "paragraph") {
      writeRuns(doc, block.runs, block.small ? 7.5 : 9.5, { align: block.align, width })
      doc.moveDown(0.4)
    } else if (block.rows.length) {
      drawTable(doc, block)
    }
  }
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font(FONT)
      .fontSize(6.5)
      .fillColor("#444444")
      .text(
        `${meta.number} · Hoja ${i + 1} de ${range.count} · Huella SHA-256 de los datos: ${meta.data_sha256}`,
        MARGIN,
        doc.page.height - 40,
        { width, align: "center", lineBreak: false },
      )
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return await done
}
