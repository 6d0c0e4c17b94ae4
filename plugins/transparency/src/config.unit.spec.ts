import { DEFAULT_OCID_PREFIX, transparencySettings } from "./config"

describe("transparencySettings — the plugin options, parsed once", () => {
  it("defaults: the placeholder prefix and the store's name, no base URL", () => {
    expect(transparencySettings()).toEqual({
      ocidPrefix: DEFAULT_OCID_PREFIX,
      publisherName: "Tienda Digital del Gobierno Federal",
      publicBaseUrl: null,
    })
  })
  it("a registered prefix and a base URL (trailing slash dropped)", () => {
    expect(transparencySettings({ ocidPrefix: "ocds-abc123", publicBaseUrl: "https://tienda.gob.mx/" })).toEqual(
      expect.objectContaining({ ocidPrefix: "ocds-abc123", publicBaseUrl: "https://tienda.gob.mx" }),
    )
  })
  it("refuses a malformed prefix or URL at start-up", () => {
    expect(() => transparencySettings({ ocidPrefix: "tdgf" })).toThrow(/ocidPrefix \(OCDS_OCID_PREFIX\)/)
    expect(() => transparencySettings({ ocidPrefix: "ocds-ABC123" })).toThrow(/seis letras minúsculas/)
    expect(() => transparencySettings({ publicBaseUrl: "ftp://x" })).toThrow(/publicBaseUrl/)
  })
})
