import { parseSanctionsCsv } from "./sanctions-import"

describe("parseSanctionsCsv", () => {
  it("reads the directory's columns and dates in both formats", () => {
    const csv = [
      "RFC,Nombre o Razón Social,Tipo de sanción,Autoridad sancionadora,Fecha inicio,Fecha fin,Motivo",
      "OSA060606E20,Suministros Corporativos Alfa,Inhabilitación,SABG,01/03/2026,29/02/2028,Información falsa",
      "PIB040312A13,Papelería Industrial del Bajío,Multa,OIC SALUD,2026-05-10,,",
    ].join("\n")
    const r = parseSanctionsCsv(csv, "sfp-2026-11")
    expect(r.rejected).toEqual([])
    expect(r.rows[0]).toEqual({
      supplier_rfc: "OSA060606E20",
      supplier_name: "Suministros Corporativos Alfa",
      type: "Inhabilitación",
      authority: "SABG",
      starts_on: "2026-03-01",
      ends_on: "2028-02-29",
      reason: "Información falsa",
      source: "sfp-2026-11",
    })
    expect(r.rows[1].ends_on).toBeNull()
  })

  it("rejects bad rows with their line and keeps the good ones", () => {
    const csv = [
      "RFC,Nombre,Tipo,Autoridad,Fecha inicio,Fecha fin",
      "NOESRFC,Alguien,Multa,SABG,2026-01-01,",
      "OSA060606E20,Alfa,Multa,SABG,31-31-2026,",
      "OSA060606E20,Alfa,Multa,SABG,2026-01-01,",
    ].join("\n")
    const r = parseSanctionsCsv(csv)
    expect(r.rows).toHaveLength(1)
    expect(r.rejected.map((x) => x.row)).toEqual([2, 3])
  })

  it("names the missing columns", () => {
    expect(parseSanctionsCsv("RFC,Nombre\nX,Y").rejected[0].reason).toContain("Faltan columnas")
  })
})
