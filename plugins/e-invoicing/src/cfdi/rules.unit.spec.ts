import { readFileSync } from "node:fs"
import { join } from "node:path"
import { CFDI_RULE_IDS } from "./rules"

describe("CFDI rule ids", () => {
  it("docs/e-invoicing.md documents every rule (and no rule that does not exist)", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "..", "..", "docs", "e-invoicing.md"), "utf8")
    const table = [...doc.matchAll(/^\| `(CFDI_[A-Z_]+)` \|/gm)].map((m) => m[1])
    expect([...table].sort()).toEqual([...CFDI_RULE_IDS].sort())
  })
})
