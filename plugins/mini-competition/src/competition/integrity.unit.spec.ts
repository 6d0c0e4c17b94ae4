import { createHash } from "node:crypto"
import { acknowledgesTextInForce, INTEGRITY_TEXTS, integrityTextInForce, integrityTextSha256, type IntegrityText } from "./integrity"

describe("integrity declarations as versioned data", () => {
  it("each side has a Spanish text in force whose SHA-256 is of its exact UTF-8 bytes", () => {
    for (const side of ["official", "supplier"] as const) {
      const t = integrityTextInForce(side)
      expect(t.side).toBe(side)
      expect(t.text).toMatch(/^Declaro bajo protesta de decir verdad/)
      expect(t.text_sha256).toBe(createHash("sha256").update(Buffer.from(t.text, "utf8")).digest("hex"))
    }
    expect(integrityTextInForce("official").text).toMatch(/conflicto de interés/)
    expect(integrityTextInForce("supplier").text).toMatch(/colud/)
    expect(integrityTextInForce("official").text_sha256).not.toBe(integrityTextInForce("supplier").text_sha256)
  })

  it("only the text in force of the signer's side is acknowledged; a stale version or the other side's text is not", () => {
    const official = integrityTextInForce("official")
    expect(acknowledgesTextInForce("official", official.text_sha256)).toBe(true)
    expect(acknowledgesTextInForce("official", official.text_sha256.toUpperCase())).toBe(true)
    expect(acknowledgesTextInForce("supplier", official.text_sha256)).toBe(false)
    expect(acknowledgesTextInForce("official", integrityTextSha256(official.text + " "))).toBe(false)
    // a new wording appended later supersedes the earlier one, which stays on record
    const texts: IntegrityText[] = [
      ...INTEGRITY_TEXTS,
      { version: "2027-03-01", side: "official", text: "Declaro bajo protesta de decir verdad (texto reformado)." },
    ]
    expect(integrityTextInForce("official", texts).version).toBe("2027-03-01")
    expect(acknowledgesTextInForce("official", official.text_sha256, texts)).toBe(false)
    expect(acknowledgesTextInForce("supplier", integrityTextInForce("supplier").text_sha256, texts)).toBe(true)
    expect(texts.filter((t) => t.side === "official")).toHaveLength(2)
  })
})
