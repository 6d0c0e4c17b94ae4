import { safeReturnPath } from "./return-path"

describe("the return path after login (no open redirect)", () => {
  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/%0d%0a" + "x".repeat(3000),
  ])("refuses %j", (v) => {
    expect(safeReturnPath(v)).toBe("/contratos")
  })

  it.each([
    ["/contratos/ce_1", "/contratos/ce_1"],
    ["/buscar?q=papel&pagina=2", "/buscar?q=papel&pagina=2"],
    ["/a/../b", "/b"],
  ])("keeps the site's own path %j", (v, expected) => {
    expect(safeReturnPath(v)).toBe(expected)
  })
})
