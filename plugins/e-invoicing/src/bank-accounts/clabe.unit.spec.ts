import { analyzeClabe, bankAccountSignedPayload } from "./clabe"

describe("CLABE (clabe-validator)", () => {
  it("derives the bank and plaza of a valid CLABE, ignoring spaces and dashes", async () => {
    expect(await analyzeClabe("012 180 00123456789 9")).toEqual({
      clabe: "012180001234567899",
      bank_code: "012",
      bank_tag: "BBVA BANCOMER",
      bank_name: "BBVA Bancomer",
      plaza_code: "180",
      plaza: expect.any(String),
      account: "00123456789",
    })
  })

  it.each([
    ["not 18 digits", "01218000123456789", "CLABE_FORMATO_INVALIDO"],
    ["letters", "01218000123456789X", "CLABE_FORMATO_INVALIDO"],
    ["a wrong check digit", "012180001234567890", "CLABE_DIGITO_VERIFICADOR"],
    ["a bank code of no SPEI participant", "999010077777777774", "CLABE_BANCO_DESCONOCIDO"],
  ])("refuses %s with a stable code", async (_label, clabe, code) => {
    await expect(analyzeClabe(clabe)).rejects.toMatchObject({ type: "invalid_data", code })
  })

  it("the signed payload names the supplier, the new CLABE, the holder and the CLABE it replaces", () => {
    expect(
      bankAccountSignedPayload({ supplier_rfc: "pib040312a10", clabe: "002010077777777771", holder_name: "PIB", previous_clabe: null }),
    ).toEqual({
      documento: "cuenta_bancaria_proveedor",
      proveedor_rfc: "PIB040312A10",
      clabe: "002010077777777771",
      titular: "PIB",
      clabe_anterior: null,
    })
  })
})
