import { merkleRoot, sha256Hex } from "./hash"

describe("merkleRoot (RFC 6962)", () => {
  const leaf = (hex: string) => sha256Hex(Buffer.concat([Buffer.from([0]), Buffer.from(hex, "hex")]))
  const node = (l: string, r: string) => sha256Hex(Buffer.concat([Buffer.from([1]), Buffer.from(l, "hex"), Buffer.from(r, "hex")]))
  const e = [1, 2, 3, 4, 5].map((i) => sha256Hex(`entrada ${i}`))

  it("is SHA-256 of nothing for an empty day", () => {
    expect(merkleRoot([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  })

  it("hashes one leaf with the 0x00 prefix", () => {
    expect(merkleRoot([e[0]])).toBe(leaf(e[0]))
  })

  it("splits at the largest power of two below n", () => {
    const l = e.map(leaf)
    expect(merkleRoot(e.slice(0, 3))).toBe(node(node(l[0], l[1]), l[2]))
    expect(merkleRoot(e)).toBe(node(node(node(l[0], l[1]), node(l[2], l[3])), l[4]))
  })

  it("changes when any entry or the order changes", () => {
    expect(merkleRoot([e[1], e[0]])).not.toBe(merkleRoot([e[0], e[1]]))
    expect(merkleRoot([e[0], e[2]])).not.toBe(merkleRoot([e[0], e[1]]))
  })
})
