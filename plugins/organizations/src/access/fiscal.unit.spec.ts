import { assertCodigoPostal, assertRegimenFiscal, assertStateCode } from "./fiscal"
import { ESTADOS_MX, REGIMENES_FISCALES } from "./sat-catalogs.generated"

describe("SAT fiscal data checks", () => {
  it("knows the 32 entidades federativas and SAT's régimen catalog", () => {
    expect(ESTADOS_MX).toHaveLength(32)
    expect(ESTADOS_MX.map((e) => e.id)).toEqual(expect.arrayContaining(["CMX", "JAL", "NLE", "YUC"]))
    expect(REGIMENES_FISCALES.find((r) => r.id === "601")).toEqual(expect.objectContaining({ moral: true, fisica: false }))
  })

  it("applies régimen to the RFC kind", () => {
    expect(() => assertRegimenFiscal("601", "moral")).not.toThrow()
    expect(() => assertRegimenFiscal("612", "fisica")).not.toThrow()
    expect(() => assertRegimenFiscal("626", "moral")).not.toThrow()
    expect(() => assertRegimenFiscal("612", "moral")).toThrow(/no aplica a personas morales/)
    expect(() => assertRegimenFiscal("601", "fisica")).toThrow(/no aplica a personas físicas/)
    expect(() => assertRegimenFiscal("000", "moral")).toThrow(/c_RegimenFiscal/)
  })

  it("checks código postal shape and state codes", () => {
    expect(() => assertCodigoPostal("06600")).not.toThrow()
    expect(() => assertCodigoPostal("6600")).toThrow(/5 dígitos/)
    expect(() => assertCodigoPostal("06600-1")).toThrow()
    expect(() => assertStateCode("CMX")).not.toThrow()
    expect(() => assertStateCode("DF")).toThrow(/c_Estado/)
  })
})
