// The storefront's security headers: next.config.mjs's (read in a child Node
// process: the config is an ES module, which Jest's module sandbox cannot
// import) and the per-view Content-Security-Policy of src/lib/csp.ts.
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { contentSecurityPolicy, newNonce } from "./csp"

const config = join(__dirname, "..", "..", "next.config.mjs")

it("sends the no-framing and no-sniffing headers on every answer", () => {
  const code = `const { default: c } = await import(${JSON.stringify(config)}); process.stdout.write(JSON.stringify(await c.headers()))`
  const out = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" })
  expect(out.stderr).toBe("")
  const [rule] = JSON.parse(out.stdout) as { source: string; headers: { key: string; value: string }[] }[]
  expect(rule.source).toBe("/:path*")
  const h = Object.fromEntries(rule.headers.map((x) => [x.key, x.value]))
  expect(h["X-Frame-Options"]).toBe("DENY")
  expect(h["X-Content-Type-Options"]).toBe("nosniff")
})

/** The CSP's directives by name. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  )

it("lets only scripts with this page view's nonce run: no inline or eval script in production", () => {
  const nonce = newNonce()
  const d = directives(contentSecurityPolicy(nonce))
  expect(d["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"])
  expect(d["script-src"]).not.toContain("'unsafe-inline'")
  expect(d["default-src"]).toEqual(["'self'"])
  expect(d["frame-ancestors"]).toEqual(["'none'"])
  expect(d["object-src"]).toEqual(["'none'"])
  expect(d["base-uri"]).toEqual(["'self'"])
  expect(d["form-action"]).toEqual(["'self'"])
  // next dev needs eval for React Refresh, never inline scripts
  const dev = directives(contentSecurityPolicy(nonce, { development: true }))
  expect(dev["script-src"]).toContain("'unsafe-eval'")
  expect(dev["script-src"]).not.toContain("'unsafe-inline'")
})

it("draws a new, unguessable nonce for every page view", () => {
  const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()))
  expect(nonces.size).toBe(1000)
  for (const n of nonces) {
    expect(Buffer.from(n, "base64")).toHaveLength(16)
  }
})
