#!/usr/bin/env node
// `tsc --noEmit` for every TypeScript workspace; exits non-zero if any fails.
import { existsSync, readdirSync } from "node:fs"
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { spawnSync } from "node:child_process"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const workspaces = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((d) => `${dir}/${d}`) : [])
const projects = [
  ...workspaces("plugins").flatMap((p) => [p, `${p}/src/admin`]),
  ...workspaces("simulators"),
  "backend",
  "backend/src/admin",
  "seed",
  "integration-tests",
  "storefront",
].filter((p) => existsSync(join(root, p, "tsconfig.json")))

let failed = 0
for (const p of projects) {
  const t = Date.now()
  // A workspace may name a narrower config for this check (tsconfig.typecheck.json).
  const config = existsSync(join(root, p, "tsconfig.typecheck.json")) ? "tsconfig.typecheck.json" : "tsconfig.json"
  const r = spawnSync("npx", ["tsc", "--noEmit", "-p", join(p, config)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  })
  const ok = r.status === 0
  if (!ok) {
    failed++
  }
  process.stdout.write(`${ok ? "✔" : "✘"} tsc ${p} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`)
  if (!ok) {
    process.stdout.write(r.stdout + r.stderr)
  }
}
process.exit(failed ? 1 : 0)
