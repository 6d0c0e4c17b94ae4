import { canonicalJson } from "./canonical-json"
import { digestOf, merkleRoot, sha256Hex } from "./hash"

describe("canonicalJson", () => {
  it("sorts keys recursively and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}'
    )
  })

  it("gives the same bytes whatever the key order", () => {
    expect(digestOf({ x: 1, y: [1, 2], z: { b: 2, a: 1 } })).toBe(
      digestOf({ z: { a: 1, b: 2 }, y: [1, 2], x: 1 })
    )
  })

  it("sorts by UTF-16 code units and escapes like JSON.stringify (RFC 8785 §3.2)", () => {
    expect(canonicalJson({ é: 1, e: 2, Z: 3, "\u20ac": 4, "\r": 5 })).toBe(
      '{"\\r":5,"Z":3,"e":2,"é":1,"€":4}'
    )
    expect(canonicalJson("línea\n\"cita\"\u0001")).toBe('"línea\\n\\"cita\\"\\u0001"')
  })

  it("writes numbers the ECMAScript way (RFC 8785 §3.2.2.3)", () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.1, 100, 1.5e300])).toBe("[1e+21,1e-7,0,0.1,100,1.5e+300]")
  })

  it("omits undefined properties, writes dates as ISO UTC", () => {
    expect(canonicalJson({ a: undefined, b: new Date("2026-01-02T03:04:05.678Z") })).toBe(
      '{"b":"2026-01-02T03:04:05.678Z"}'
    )
  })

  it.each([
    [{ a: Number.NaN }, "número no finito en «$.a»"],
    [[1, undefined], "valor indefinido en «$[1]»"],
    [{ a: BigInt(1) }, "valor de tipo bigint en «$.a»"],
    [{ f: () => 1 }, "valor de tipo function en «$.f»"],
  ])("refuses %p", (value, message) => {
    expect(() => canonicalJson(value)).toThrow(message)
  })
})

describe("merkleRoot (RFC 6962)", () => {
  const leaf = (hex: string) => sha256Hex(Buffer.concat([Buffer.from([0]), Buffer.from(hex, "hex")]))
  const node = (l: string, r: string) =>
    sha256Hex(Buffer.concat([Buffer.from([1]), Buffer.from(l, "hex"), Buffer.from(r, "hex")]))
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
