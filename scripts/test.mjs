#!/usr/bin/env node
// `npm test`: lint, typecheck and every Jest project (unit, modules, http,
// e2e when a Chromium is installed), against one embedded PostgreSQL unless
// DATABASE_URL / DB_HOST is given. Suites run as separate processes, two at a
// time by default (TEST_JOBS), longest first; each suite's output is kept in
// .cache/test-logs/ and printed in full when it fails. Ends with a table of
// suites and one line: "Summary: N passed, N failed".
//   npm test -- --only=http        one Jest project (unit|modules|http|e2e|processes)
//   npm test -- --only=redis       what differs under REDIS_URL: the HTTP files marked
//                                  `// @redis:` and the server/worker processes
//   npm test -- --redis=<url>      everything, plus that Redis pass in the same run (CI):
//                                  its suites share the two slots with the rest
//   npm test -- --skip-static      skip lint and typecheck
//   npm test -- --filter=budget,seed  only the suites whose name (file path) contains "budget" or "seed"
//   npm test -- <jest args>        passed to every Jest process (e.g. -t "name")
import { spawn } from "node:child_process"
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import net from "node:net"
import { availableParallelism, totalmem } from "node:os"
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { buildPlugins } from "./build-plugins.mjs"
import { run } from "./lib/proc.mjs"
import { dbEnvFromUrl } from "./lib/test-db-env.mjs"
import { scheduleOrder, testPlan } from "./lib/test-plan.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const only = args.find((a) => a.startsWith("--only="))?.split("=")[1]
const skipStatic = args.includes("--skip-static") || !!only
const filter = args.find((a) => a.startsWith("--filter="))?.split("=")[1]
// The Redis pass's server, for the suites marked `redis` (with --only=redis, REDIS_URL itself).
const redisArg = args.find((a) => a.startsWith("--redis="))?.slice("--redis=".length)
const extra = args.filter(
  (a) => !a.startsWith("--only=") && !a.startsWith("--filter=") && !a.startsWith("--redis=") && a !== "--skip-static",
)
const t0 = Date.now()
const sec = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`

// A Medusa app under test takes up to ~1.5 GB; keep 2 GB per slot.
const jobs = Number(process.env.TEST_JOBS) || Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 31), 4))

await buildPlugins({ log: (m) => console.log(m) })

const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p))
if (!chromium && (!only || only === "e2e")) {
  console.log("\nℹ browser tests (e2e) not included: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)")
}
if (!process.env.REDIS_URL && (only === "processes" || only === "redis")) {
  console.log("ℹ server/worker process tests (worker-mode) not included: set REDIS_URL to run them")
}
const redisUrl = redisArg || (only === "redis" || only === "processes" ? process.env.REDIS_URL : undefined)
const suites = testPlan(root, {
  only,
  skipStatic: skipStatic || !!filter,
  chromium: !!chromium,
  redis: !!process.env.REDIS_URL,
  withRedis: !!redisArg,
}).filter((s) => !filter || filter.split(",").some((f) => s.name.includes(f)))
if (suites.length === 0) {
  console.log(`✘ no suite matches --only=${only ?? ""} --filter=${filter ?? ""}`)
  console.log("Summary: 0 passed, 1 failed")
  process.exit(1)
}

// One database server for every Jest process (each test file creates its own database).
let db = null
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: process.env.LOG_LEVEL || "warn" }
if (!env.DB_HOST && env.DATABASE_URL) {
  Object.assign(env, dbEnvFromUrl(env.DATABASE_URL))
}
if (!env.DB_HOST && suites.some((s) => s.kind === "jest" && s.project !== "unit")) {
  const { startEmbeddedPostgres } = await import("./lib/embedded-db.mjs")
  const dataDir = join(root, ".cache", `pg-test-${process.pid}`)
  rmSync(dataDir, { recursive: true, force: true })
  db = await startEmbeddedPostgres({ dataDir, port: 55500, persistent: false, fast: true })
  Object.assign(env, { DB_HOST: "localhost", DB_PORT: String(db.port), DB_USERNAME: "postgres", DB_PASSWORD: "postgres" })
  console.log(`PostgreSQL for the tests on port ${db.port}`)
}
env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim()

// Migrate once, beside the first suites; every HTTP file's database is then a
// copy of this one (an HTTP suite waits for it before it starts).
let template = null
let templateReady = Promise.resolve()
const usesTemplate = (s) => s.project === "http" || s.project === "processes"
if (suites.some(usesTemplate) && env.DB_HOST) {
  const t = Date.now()
  template = `tienda_test_template_${process.pid}`
  const url = `postgres://${encodeURIComponent(env.DB_USERNAME || "postgres")}:${encodeURIComponent(env.DB_PASSWORD || "")}@${env.DB_HOST}:${env.DB_PORT || 5432}/${template}`
  templateReady = (async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${template}"`)
    await adminQuery(`CREATE DATABASE "${template}"`)
    await run("npx", ["medusa", "db:migrate"], {
      cwd: join(root, "backend"),
      env: { ...env, DATABASE_URL: url },
      logFile: join(root, ".cache", "test-template-migrate.log"),
    })
    console.log(`  migrated the template database for the HTTP files (${sec(t)})`)
    return { TIENDA_TEST_TEMPLATE_DB: template }
  })()
  // Without it every HTTP file still migrates its own database: slower, not wrong.
  templateReady = templateReady.catch((e) => {
    console.log(`  ℹ template database not prepared, each HTTP file migrates its own: ${String(e.message).split("\n")[0]}`)
    return {}
  })
}

const logs = join(root, ".cache", "test-logs")
rmSync(logs, { recursive: true, force: true })
mkdirSync(logs, { recursive: true })
const timingsFile = [join(root, ".cache", "test-timings.json"), join(root, "scripts", "test-timings.json")].find(existsSync)
const timings = timingsFile ? JSON.parse(readFileSync(timingsFile, "utf8")) : {}
/** One statement on the server's `postgres` database (CREATE/DROP DATABASE). */
async function adminQuery(sql) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT || 5432),
    user: env.DB_USERNAME || "postgres",
    password: env.DB_PASSWORD || undefined,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
const slug = (name) =>
  name
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()

/**
 * A Redis suite (and every suite when REDIS_URL is set) gets its slot's own
 * Redis database, emptied before each suite: two Medusa apps on one Redis
 * database would consume each other's events and jobs.
 */
async function redisForSlot(slot, s) {
  const base = s.redis ? redisUrl : env.REDIS_URL
  if (!base) {
    return {}
  }
  const u = new URL(base)
  u.pathname = `/${slot + 1}`
  await new Promise((resolve, reject) => {
    const sock = net.connect(Number(u.port || 6379), u.hostname, () => sock.write(`SELECT ${slot + 1}\r\nFLUSHDB\r\nQUIT\r\n`))
    sock.on("error", reject)
    sock.on("close", resolve)
    sock.resume()
  })
  return { REDIS_URL: u.toString() }
}

/** Runs one suite in a slot; resolves { passed, failed, tests?, seconds }. */
async function runSuite(s, slot) {
  const slotEnv = s.kind === "jest" ? await redisForSlot(slot, s) : {}
  if (usesTemplate(s)) {
    Object.assign(slotEnv, await templateReady)
  }
  const log = join(logs, `${slug(s.name)}.log`)
  const report = join(logs, `${slug(s.name)}.json`)
  const [cmd, cmdArgs] =
    s.kind === "cmd"
      ? [s.cmd, s.args]
      : [
          "node",
          [
            "node_modules/jest/bin/jest.js",
            "--runInBand",
            "--forceExit",
            "--json",
            `--outputFile=${report}`,
            "--selectProjects",
            s.project,
            ...(s.files.length ? ["--runTestsByPath", ...s.files] : []),
            ...(s.testNamePattern ? ["-t", s.testNamePattern] : []),
            ...extra,
          ],
        ]
  const t = Date.now()
  return new Promise((resolve) => {
    const out = createWriteStream(log)
    const child = spawn(cmd, cmdArgs, { cwd: root, env: { ...env, ...slotEnv }, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.pipe(out, { end: false })
    child.stderr.pipe(out, { end: false })
    child.on("close", (code, signal) => {
      out.end(() => {
        const seconds = (Date.now() - t) / 1000
        let passed = 0
        let failed = 0
        let tests = null
        let skipped = 0
        if (s.kind === "cmd") {
          if (code === 0) {
            passed++
          } else {
            failed++
          }
        } else if (existsSync(report)) {
          const r = JSON.parse(readFileSync(report, "utf8"))
          passed = r.numPassedTests
          failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)
          skipped = r.numPendingTests ?? 0
          tests = r.numTotalTests - skipped
          // A file that ran nothing (or a @redis-tests pattern that matches nothing) fails.
          if (tests === 0) {
            failed++
          }
        }
        if (code !== 0 && failed === 0) {
          failed++
        }
        resolve({ ...s, code, signal, passed, failed, tests, skipped, seconds, log })
      })
    })
  })
}

console.log(`\n▶ ${suites.length} suites, ${jobs} at a time (TEST_JOBS), logs in .cache/test-logs/`)
// HTTP files after the rest, so the template is ready when the first one starts.
const queue = [
  ...scheduleOrder(
    suites.filter((s) => s.project !== "http"),
    timings,
  ),
  ...scheduleOrder(
    suites.filter((s) => s.project === "http"),
    timings,
  ),
]
const results = []
let running = 0
const freeSlots = Array.from({ length: jobs }, (_, i) => i)
await new Promise((done) => {
  const next = () => {
    if (queue.length === 0 && running === 0) {
      return done()
    }
    while (running < jobs && queue.length > 0) {
      const s = queue.shift()
      const slot = freeSlots.shift()
      running++
      console.log(`  … ${s.name}`)
      runSuite(s, slot).then((r) => {
        running--
        freeSlots.push(slot)
        results.push(r)
        const ok = r.failed === 0
        const counts =
          r.tests === null
            ? ""
            : ` ${r.passed}/${r.tests} tests${r.skipped && r.testNamePattern ? ` (+${r.skipped} not Redis-specific, run in the main pass)` : ""}`
        console.log(`${ok ? "✔" : "✘"} ${r.name}${counts} (${r.seconds.toFixed(1)} s) [${results.length}/${suites.length}]`)
        if (!ok) {
          console.log(`----- output of ${r.name} -----`)
          console.log(readFileSync(r.log, "utf8"))
          console.log(`----- end of ${r.name}${r.signal ? ` (killed by ${r.signal})` : ` (exit ${r.code})`} -----`)
        }
        next()
      })
    }
  }
  next()
})

if (template) {
  await adminQuery(`DROP DATABASE IF EXISTS "${template}"`).catch(() => {})
}
if (db) {
  await db.stop()
  rmSync(join(root, ".cache", `pg-test-${process.pid}`), { recursive: true, force: true })
}

// Timings for the next run's schedule (only when every suite ran).
if (!only && !filter && !extra.length) {
  writeFileSync(
    join(root, ".cache", "test-timings.json"),
    JSON.stringify(Object.fromEntries(results.map((r) => [r.name, Math.round(r.seconds)])), null, 2) + "\n",
  )
}

const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
const byGroup = new Map()
for (const r of results) {
  const g = r.kind === "cmd" ? "static" : r.redis && r.project === "http" ? "http (Redis)" : r.project
  const e = byGroup.get(g) ?? { suites: 0, passed: 0, failed: 0, seconds: 0 }
  byGroup.set(g, { suites: e.suites + 1, passed: e.passed + r.passed, failed: e.failed + r.failed, seconds: e.seconds + r.seconds })
}
console.log("\n| suite group | suites | passed | failed | busy time |")
console.log("|---|---:|---:|---:|---:|")
for (const [g, e] of byGroup) {
  console.log(`| ${g} | ${e.suites} | ${e.passed} | ${e.failed} | ${e.seconds.toFixed(0)} s |`)
}
for (const r of results.filter((r) => r.failed)) {
  console.log(`✘ failed: ${r.name}`)
}
console.log(`\nTotal time ${sec(t0)}`)
console.log(`Summary: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
