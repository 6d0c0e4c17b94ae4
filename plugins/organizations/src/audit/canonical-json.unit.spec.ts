import { canonicalJson } from "./canonical-json"
import { digestOf } from "./digest"

describe("canonicalJson", () => {
  it("sorts keys recursively and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}')
  })

  it("gives the same bytes whatever the key order", () => {
    expect(digestOf({ x: 1, y: [1, 2], z: { b: 2, a: 1 } })).toBe(digestOf({ z: { a: 1, b: 2 }, y: [1, 2], x: 1 }))
  })

  it("sorts by UTF-16 code units and escapes like JSON.stringify (RFC 8785 §3.2)", () => {
    expect(canonicalJson({ é: 1, e: 2, Z: 3, "\u20ac": 4, "\r": 5 })).toBe('{"\\r":5,"Z":3,"e":2,"é":1,"€":4}')
    expect(canonicalJson('línea\n"cita"\u0001')).toBe('"línea\\n\\"cita\\"\\u0001"')
  })

  it("writes numbers the ECMAScript way (RFC 8785 §3.2.2.3)", () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.1, 100, 1.5e300])).toBe("[1e+21,1e-7,0,0.1,100,1.5e+300]")
  })

  it("omits undefined properties, writes dates as ISO UTC", () => {
    expect(canonicalJson({ a: undefined, b: new Date("2026-01-02T03:04:05.678Z") })).toBe('{"b":"2026-01-02T03:04:05.678Z"}')
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
