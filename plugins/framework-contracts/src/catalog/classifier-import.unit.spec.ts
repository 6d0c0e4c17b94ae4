import { parseClassifierCsv } from "./classifier-import"

describe("parseClassifierCsv", () => {
  it("reads the UNSPSC flat format into all four levels", () => {
    const csv = [
      "Segment,Segment Title,Family,Family Title,Class,Class Title,Commodity,Commodity Title",
      "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121701,Rollerball pens",
      "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121704,Ball point pens",
    ].join("\n")
    const r = parseClassifierCsv(csv)
    expect(r.format).toBe("unspsc")
    expect(r.rejected).toEqual([])
    expect(r.rows.map((x) => [x.code, x.level, x.parent_code])).toEqual([
      ["44000000", "segment", null],
      ["44120000", "family", "44000000"],
      ["44121700", "class", "44120000"],
      ["44121701", "commodity", "44121700"],
      ["44121704", "commodity", "44121700"],
    ])
    expect(r.rows[4].title_en).toBe("Ball point pens")
  })

  it("reports every unusable row with its line and reason", () => {
    const csv = [
      "Segment,Segment Title,Family,Family Title,Class,Class Title,Commodity,Commodity Title",
      "44000000,Office,44120000,Office supplies,44121700,Writing,4412170X,Bad",
      "44000000,Office,44120000,Office supplies,44121800,Correction,44121701,Moved",
      "44000000,Office,44120000,Office supplies,44121700,Writing,44121705,",
    ].join("\n")
    const r = parseClassifierCsv(csv)
    expect(r.rejected.map((x) => x.row)).toEqual([2, 3, 4])
    expect(r.rejected[0].reason).toContain("no es un código UNSPSC válido")
    expect(r.rejected[1].reason).toContain("Jerarquía inconsistente")
    expect(r.rejected[2].reason).toContain("no tiene título")
  })

  it("reads Spanish titles from SAT's c_ClaveProdServ export", () => {
    const csv = [
      "c_ClaveProdServ,Descripción,Incluir IVA trasladado",
      "44121704,Bolígrafos,Opcional",
      "44121700,Instrumentos de escritura,Opcional",
      "441217,Incompleto,Opcional",
    ].join("\n")
    const r = parseClassifierCsv(csv)
    expect(r.format).toBe("sat_clave_prod_serv")
    expect(r.rows).toEqual([
      { code: "44121704", level: "commodity", parent_code: "44121700", title_es: "Bolígrafos" },
      { code: "44121700", level: "class", parent_code: "44120000", title_es: "Instrumentos de escritura" },
    ])
    expect(r.rejected).toEqual([{ row: 4, code: "441217", reason: expect.stringContaining("no es un código") }])
  })

  it("refuses a file whose headers it does not know", () => {
    const r = parseClassifierCsv("codigo,nombre\n1,2")
    expect(r.rows).toEqual([])
    expect(r.rejected[0].reason).toContain("Encabezados no reconocidos")
  })
})
