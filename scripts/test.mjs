#!/usr/bin/env node
// `npm test`: lint, typecheck and every Jest project (unit, modules, http),
// against an embedded PostgreSQL unless DATABASE_URL / DB_HOST is given.
// Ends with one line: "Summary: N passed, N failed".
//   npm test -- --only=http        run one Jest project (unit|modules|http)
//   npm test -- --skip-static      skip lint and typecheck
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs"
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { buildPlugins } from "./build-plugins.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const only = args.find((a) => a.startsWith("--only="))?.split("=")[1]
const skipStatic = args.includes("--skip-static") || !!only
const extra = args.filter((a) => !a.startsWith("--only=") && a !== "--skip-static")

let passed = 0
let failed = 0
const t0 = Date.now()
const sec = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`

function check(label, cmd, cmdArgs, env = {}) {
  const t = Date.now()
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } })
  const ok = r.status === 0
  if (ok) {
    passed++
  } else {
    failed++
  }
  console.log(`${ok ? "✔" : "✘"} ${label} (${sec(t)})`)
  return ok
}

await buildPlugins({ log: (m) => console.log(m) })

if (!skipStatic) {
  // One hoisted copy of Medusa's core packages (duplicates break workflow registration).
  check("single copy of @medusajs/framework and core-flows", "node", ["scripts/check-single-medusa.mjs"])
  check("lint (eslint + Medusa rules)", "npx", ["eslint", "--max-warnings=0", "."])
  check("typecheck (tsc --noEmit per workspace)", "node", ["scripts/typecheck.mjs"])
}

const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p))
if (!chromium && (!only || only === "e2e")) {
  console.log("\nℹ browser tests (e2e) not included: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)")
}
if (!process.env.REDIS_URL && (!only || only === "processes")) {
  console.log("ℹ server/worker process tests not included: set REDIS_URL to run them")
}

const report = join(root, ".cache", "jest-report.json")
mkdirSync(dirname(report), { recursive: true })
rmSync(report, { force: true })
const t = Date.now()
console.log("\n▶ jest" + (only ? ` (${only})` : ""))
const jest = spawnSync(
  "npx",
  [
    "jest",
    "--runInBand",
    "--forceExit",
    "--json",
    `--outputFile=${report}`,
    ...(only ? ["--selectProjects", only] : []),
    ...extra,
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim(), MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: process.env.LOG_LEVEL || "warn" },
  }
)
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"))
  passed += r.numPassedTests
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)
  if (r.numTotalTests === 0) {
    console.log("✘ jest ran no test")
    failed++
  }
} else {
  failed++
}
if (jest.status !== 0 && failed === 0) {
  failed++
}
console.log(`${jest.status === 0 ? "✔" : "✘"} jest (${sec(t)})`)
console.log(`\nTotal time ${sec(t0)}`)
console.log(`Summary: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
