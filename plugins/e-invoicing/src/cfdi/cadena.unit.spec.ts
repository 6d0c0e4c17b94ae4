import { createHash } from "node:crypto"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { cadenaOriginalCfdi40, cadenaOriginalTfd11 } from "./cadena"
import { satResourcesDir } from "./resources"

const fixture = (name: string) => readFileSync(join(__dirname, "__fixtures__", name), "utf8")

describe("cadena original (SAT's XSLT through SaxonJS)", () => {
  // The *.libxslt.txt files were produced by libxslt's xsltproc (the C
  // reference processor) from SAT's own cadenaoriginal_4_0.xslt and
  // cadenaoriginal_TFD_1_1.xslt: an independent implementation must agree
  // byte for byte (whitespace collapsing, escaped characters, "|" in values,
  // optional attributes, the Pagos 2.0 complement).
  it.each([
    ["an invoice with accents, escaped characters, a '|' and runs of spaces", "cadena-sample-ingreso"],
    ["a payment complement (Pagos 2.0)", "cadena-sample-pago"],
  ])("matches libxslt for %s", (_label, name) => {
    expect(cadenaOriginalCfdi40(fixture(`${name}.xml`))).toBe(fixture(`${name}.libxslt.txt`))
  })

  it("matches libxslt for a TimbreFiscalDigital 1.1 with a Leyenda", () => {
    expect(cadenaOriginalTfd11(fixture("tfd-sample.xml"))).toBe(fixture("tfd-sample.libxslt.txt"))
  })

  it("the shipped schemas and compiled stylesheets come from SAT's files in shared/standards", () => {
    const sat = join(__dirname, "..", "..", "..", "..", "..", "shared", "standards", "sat-cfdi")
    expect(existsSync(sat)).toBe(true)
    const manifest = JSON.parse(readFileSync(join(satResourcesDir(), "manifest.json"), "utf8")) as {
      schemas: Record<string, string>
      stylesheets: Record<string, Record<string, string>>
    }
    const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex")
    for (const [file, hash] of Object.entries(manifest.schemas)) {
      expect([file, sha(join(sat, file))]).toEqual([file, hash])
      expect([file, sha(join(satResourcesDir(), file))]).toEqual([file, hash])
    }
    const sources = Object.entries(manifest.stylesheets["cadenaoriginal_4_0.sef.json"])
    expect(sources.map(([f]) => f)).toEqual(
      expect.arrayContaining(["cfd/4/cadenaoriginal_4_0/cadenaoriginal_4_0.xslt", "cfd/Pagos/Pagos20.xslt"]),
    )
    for (const [file, hash] of sources) {
      expect([file, sha(join(sat, file))]).toEqual([file, hash])
    }
    // The SAT simulator stamps with its own copy of the TFD stylesheet (it shares no code with the store).
    const simulatorCopy = join(__dirname, "..", "..", "..", "..", "simulators", "sat", "resources", "cadenaoriginal_TFD_1_1.sef.json")
    expect(sha(simulatorCopy)).toBe(sha(join(satResourcesDir(), "xslt", "cadenaoriginal_TFD_1_1.sef.json")))
  })
})
