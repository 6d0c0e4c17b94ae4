// A later `npm start` skips migrations and seed only while nothing they
// depend on changed (scripts/lib/setup-stamp.mjs).
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const repo = join(__dirname, "..", "..")

/** Calls the ES module in a child (Jest's sandbox cannot import .mjs without flags). */
function call(fn: string, args: unknown[]): unknown {
  const code = `import(${JSON.stringify(join(repo, "scripts/lib/setup-stamp.mjs"))}).then((m) => process.stdout.write(JSON.stringify(m.${fn}(...${JSON.stringify(args)}) ?? null)))`
  const r = spawnSync("node", ["-e", code], { encoding: "utf8" })
  expect(r.stderr).toBe("")
  return JSON.parse(r.stdout)
}

describe("the setup stamp of npm start", () => {
  let root: string
  const db = { databaseUrl: "postgres://localhost/tienda_digital", databaseOid: "16384" }
  const touch = (p: string, seconds: number) => {
    mkdirSync(join(root, p, ".."), { recursive: true })
    writeFileSync(join(root, p), "x")
    utimesSync(join(root, p), seconds, seconds)
  }
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "stamp-"))
    writeFileSync(join(root, "package-lock.json"), "{}")
    touch("plugins/budget/.medusa/server/.built", 1000)
    touch("backend/src/index.ts", 1000)
    touch("seed/src/run.ts", 1000)
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it("stays the same while nothing changes, and changes with the lockfile, a plugin build, the seed or the database", () => {
    const first = call("setupFingerprint", [root, db])
    expect(call("setupFingerprint", [root, db])).toBe(first)
    touch("seed/src/fixtures/people.ts", 2000)
    const afterSeed = call("setupFingerprint", [root, db])
    expect(afterSeed).not.toBe(first)
    touch("plugins/budget/.medusa/server/.built", 3000)
    const afterBuild = call("setupFingerprint", [root, db])
    expect(afterBuild).not.toBe(afterSeed)
    writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion":3}')
    const afterLock = call("setupFingerprint", [root, db])
    expect(afterLock).not.toBe(afterBuild)
    expect(call("setupFingerprint", [root, { ...db, databaseOid: "16999" }])).not.toBe(afterLock)
  })

  it("is current only with the recorded fingerprint and the demo file both present", () => {
    const dataDir = join(root, ".data")
    mkdirSync(dataDir)
    const demo = join(dataDir, "demo.json")
    expect(call("setupIsCurrent", [dataDir, "abc", demo])).toBe(false)
    call("recordSetup", [dataDir, "abc"])
    expect(call("setupIsCurrent", [dataDir, "abc", demo])).toBe(false)
    writeFileSync(demo, "{}")
    expect(call("setupIsCurrent", [dataDir, "abc", demo])).toBe(true)
    expect(call("setupIsCurrent", [dataDir, "abd", demo])).toBe(false)
  })
})
