// The storefront's security headers (next.config.mjs), read in a child Node
// process: the config is an ES module, which Jest's module sandbox cannot import.
import { spawnSync } from "node:child_process"
import { join } from "node:path"

const config = join(__dirname, "..", "..", "next.config.mjs")

it("sends a CSP with frame-ancestors 'none' and the usual hardening headers on every page", () => {
  const code = `const { default: c } = await import(${JSON.stringify(config)}); process.stdout.write(JSON.stringify(await c.headers()))`
  const out = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" })
  expect(out.stderr).toBe("")
  const [rule] = JSON.parse(out.stdout) as { source: string; headers: { key: string; value: string }[] }[]
  expect(rule.source).toBe("/:path*")
  const h = Object.fromEntries(rule.headers.map((x) => [x.key, x.value]))
  expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'")
  expect(h["Content-Security-Policy"]).toContain("object-src 'none'")
  expect(h["X-Frame-Options"]).toBe("DENY")
  expect(h["X-Content-Type-Options"]).toBe("nosniff")
})
