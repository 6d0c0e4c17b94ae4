import { createHash } from "node:crypto"
import { renderContractDocuments } from "./documents"
import { htmlToBlocks } from "./html-blocks"
import { compileContractTemplate, longDateEs, renderContractHtml } from "./render-html"
import { SAMPLE_AMENDMENT_DATA, SAMPLE_CONTRACT_DATA } from "./sample"
import { AMENDMENT_TEMPLATE_V1, SPECIFIC_CONTRACT_TEMPLATE_V1 } from "./templates"

const at = new Date("2026-03-02T17:00:00.000Z")

describe("contract HTML", () => {
  const html = renderContractHtml(SPECIFIC_CONTRACT_TEMPLATE_V1, SAMPLE_CONTRACT_DATA, "ab".repeat(32))

  it("is the same document for the same data (snapshot)", () => {
    expect(html).toMatchSnapshot()
  })

  it("escapes every value taken from the data", () => {
    expect(html).toContain("Papelería Industrial del Bajío, S.A. de C.V. &lt;Ñandú &amp; Cía&gt;")
    expect(html).not.toContain("<Ñandú")
  })

  it("says the totals in figures and words, the penalties and the legal basis", () => {
    expect(html).toContain("$3,036.07 (tres mil treinta y seis pesos 07/100 M.N.)")
    expect(html).toContain("1.00 % por cada día natural de atraso")
    expect(html).toContain("41, fracción XX, 45 y 46 de la Ley de Adquisiciones")
    expect(html).toContain("2 de marzo de 2026")
    expect(html).toContain("20 de marzo de 2026")
    expect(html).toContain("3 días naturales")
    expect(html).toContain("2026-12-510-E023-21101-1-09")
  })

  it("says the payment plan the agency chose: one exhibition (PUE) or installments (PPD)", () => {
    expect(html).toContain("El pago se hará en una sola exhibición (método de pago PUE).")
    const ppd = renderContractHtml(
      SPECIFIC_CONTRACT_TEMPLATE_V1,
      { ...SAMPLE_CONTRACT_DATA, payment_plan: "parcialidades_o_diferido" },
      "ab".repeat(32),
    )
    expect(ppd).toContain("El pago se hará en parcialidades o en forma diferida (método de pago PPD)")
    expect(ppd).toContain("complemento para recepción de pagos")
    expect(ppd).not.toContain("PUE")
  })

  it("renders the amendment template with its changes", () => {
    const a = renderContractHtml(AMENDMENT_TEMPLATE_V1, SAMPLE_AMENDMENT_DATA, "cd".repeat(32))
    expect(a).toContain("CONVENIO MODIFICATORIO NÚMERO CE-SSA-2026-00001-CM01")
    expect(a).toContain("<td>Cantidad</td><td>25</td><td>30</td>")
    expect(a).toContain("6.13 %")
  })

  it("refuses unescaped output, unknown helpers and missing fields", () => {
    expect(() => compileContractTemplate("<p>{{{number}}}</p>")).toThrow("sin escapar")
    expect(() => compileContractTemplate("<p>{{& number}}</p>")).toThrow("sin escapar")
    expect(() => compileContractTemplate("<p>{{lookup . 'number'}} {{evil number}}</p>")({ number: "1" })).toThrow(
      "La plantilla no es válida",
    )
    expect(() => compileContractTemplate("<p>{{no_existe}}</p>")({ number: "1" })).toThrow("no se pudo aplicar")
  })

  it("writes dates in Spanish on the Mexico City calendar", () => {
    expect(longDateEs("2026-01-01")).toBe("1 de enero de 2026")
  })
})

describe("contract PDF", () => {
  it("is a valid, deterministic PDF with the contract text", async () => {
    const a = await renderContractDocuments(SPECIFIC_CONTRACT_TEMPLATE_V1, SAMPLE_CONTRACT_DATA, at)
    const b = await renderContractDocuments(SPECIFIC_CONTRACT_TEMPLATE_V1, SAMPLE_CONTRACT_DATA, at)
    expect(a.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(a.pdf.subarray(-6).toString("latin1")).toContain("%%EOF")
    expect(a.pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(2)
    expect(a.hashes).toEqual(b.hashes)
    expect(a.hashes.pdf_sha256).toBe(createHash("sha256").update(a.pdf).digest("hex"))
    expect(a.hashes.html_sha256).toBe(createHash("sha256").update(a.html, "utf8").digest("hex"))
  })

  it("changes every digest when one centavo changes", async () => {
    const a = await renderContractDocuments(SPECIFIC_CONTRACT_TEMPLATE_V1, SAMPLE_CONTRACT_DATA, at)
    const changed = { ...SAMPLE_CONTRACT_DATA, totals: { ...SAMPLE_CONTRACT_DATA.totals, total: "3036.08" } }
    const b = await renderContractDocuments(SPECIFIC_CONTRACT_TEMPLATE_V1, changed, at)
    for (const k of ["data_sha256", "html_sha256", "pdf_sha256", "document_sha256"] as const) {
      expect(b.hashes[k]).not.toBe(a.hashes[k])
    }
  })

  it("reads the rendered HTML as headings, paragraphs and tables", () => {
    const blocks = htmlToBlocks(renderContractHtml(SPECIFIC_CONTRACT_TEMPLATE_V1, SAMPLE_CONTRACT_DATA, "ab".repeat(32)))
    expect(blocks[0]).toMatchObject({ kind: "paragraph", align: "center", small: true })
    expect(blocks[1]).toEqual({ kind: "heading", level: 1, runs: [{ text: "CONTRATO ESPECÍFICO NÚMERO CE-SSA-2026-00001", bold: true }] })
    const items = blocks.find((b) => b.kind === "table" && b.className === "partidas")
    expect(items).toMatchObject({ kind: "table", widths: [0.5, 3.4, 1, 1.1, 0.8, 1.1, 1.2, 1.2] })
    expect(items?.kind === "table" && items.rows.length).toBe(3)
    expect(items?.kind === "table" && items.rows[1][5]).toEqual({ runs: [{ text: "$45.37", bold: false }], header: false, align: "right" })
    expect(blocks.some((b) => b.kind === "paragraph" && b.runs[0].text === "PRIMERA. Objeto." && b.runs[0].bold)).toBe(true)
    expect(JSON.stringify(blocks)).not.toContain("@page")
  })
})
