// `npm start`'s secrets (scripts/lib/secrets.mjs), run in a child Node
// process: it is an ES module, which Jest's module sandbox cannot import.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const lib = join(__dirname, "secrets.mjs")

function ensure(dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  const code = `import { ensureSecrets } from ${JSON.stringify(lib)}; process.stdout.write(JSON.stringify(ensureSecrets(${JSON.stringify(dataDir)}, ${JSON.stringify(env)})))`
  const out = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" })
  if (out.status !== 0) {
    throw new Error(out.stderr)
  }
  return JSON.parse(out.stdout)
}

describe("npm start's secrets", () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tienda-secrets-"))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it("makes random JWT, cookie and simulator secrets on the first start, never the demo value, kept private", () => {
    const first = ensure(dir)
    for (const name of ["JWT_SECRET", "COOKIE_SECRET", "SIMULATOR_TOKEN"]) {
      expect(first[name]).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(first.JWT_SECRET).not.toBe(first.COOKIE_SECRET)
    expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"))).toEqual(first)
  })

  it("keeps them across starts, and another data directory gets its own", () => {
    const first = ensure(dir)
    expect(ensure(dir)).toEqual(first)
    const other = mkdtempSync(join(tmpdir(), "tienda-secrets-"))
    try {
      expect(ensure(other).JWT_SECRET).not.toBe(first.JWT_SECRET)
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it("uses a strong value from the environment and ignores the demo values", () => {
    const own = "f".repeat(40)
    const s = ensure(dir, { JWT_SECRET: own, COOKIE_SECRET: "supersecret" })
    expect(s.JWT_SECRET).toBe(own)
    expect(s.COOKIE_SECRET).not.toBe("supersecret")
    expect(s.COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
  })
})
