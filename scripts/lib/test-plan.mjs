// What `npm test` runs, as a list of suites. Each suite is one child process
// (static checks, or one Jest process with its own memory), so a leak in one
// HTTP file cannot exhaust the heap of the whole run, and two suites can run
// side by side on two cores.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

/** Files under `dir` (recursively) whose name ends with `suffix`, sorted. */
export function findFiles(dir, suffix) {
  if (!existsSync(dir)) {
    return []
  }
  const out = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) {
      out.push(...findFiles(p, suffix))
    } else if (name.endsWith(suffix)) {
      out.push(p)
    }
  }
  return out.sort()
}

/**
 * An HTTP spec joins the Redis pass when its header says why, with a line
 * `// @redis: <what differs under Redis>`: event bus, workflow engine,
 * locking, cache. The rest behaves the same on either backend.
 */
export function redisReason(file) {
  const head = readFileSync(file, "utf8").slice(0, 4000)
  return /^\/\/ @redis: (.+)$/m.exec(head)?.[1] ?? null
}

/**
 * Which of a marked file's tests differ under Redis, from a header line
 * `// @redis-tests: <regex over test names>`; null runs the whole file. The
 * rest of the file runs in the main pass only (same code paths either way).
 */
export function redisTests(file) {
  const head = readFileSync(file, "utf8").slice(0, 4000)
  return /^\/\/ @redis-tests: (.+)$/m.exec(head)?.[1] ?? null
}

/**
 * The suites of a run. `only`: unit | modules | http | e2e | processes | redis.
 * `chromium` and `redis` say whether browser and process suites can run;
 * `withRedis` adds the Redis pass (marked `redis: true`, named "… (Redis)")
 * to a full run, so CI schedules both passes in one set of slots.
 */
export function testPlan(root, { only, skipStatic, chromium, redis, withRedis = false }) {
  const suites = []
  const jest = (name, project, files = []) => ({ name, kind: "jest", project, files })
  const rel = (f) => relative(root, f)

  if (!skipStatic) {
    suites.push({
      name: "single copy of @medusajs/framework and core-flows",
      kind: "cmd",
      cmd: "node",
      args: ["scripts/check-single-medusa.mjs"],
    })
    suites.push({
      name: "format (prettier --check)",
      kind: "cmd",
      cmd: "node",
      args: ["node_modules/prettier/bin/prettier.cjs", "--check", "--log-level=warn", "**/*.{ts,tsx,js,mjs,cjs}"],
    })
    suites.push({
      name: "lint (eslint + Medusa rules)",
      kind: "cmd",
      cmd: "node",
      args: ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."],
    })
    suites.push({ name: "typecheck (tsc --noEmit per workspace)", kind: "cmd", cmd: "node", args: ["scripts/typecheck.mjs"] })
  }
  const want = (p) => !only || only === p
  if (want("unit")) {
    suites.push(jest("unit", "unit"))
  }
  if (want("modules")) {
    suites.push(jest("modules", "modules"))
  }
  const http = findFiles(join(root, "integration-tests", "http"), ".spec.ts")
  if (want("http")) {
    suites.push(...http.map((f) => jest(rel(f), "http", [rel(f)])))
  }
  const redisPass = only === "redis" || (withRedis && !only)
  if (redisPass) {
    const name = (f) => (only === "redis" ? rel(f) : `${rel(f)} (Redis)`)
    suites.push(
      ...http
        .filter((f) => redisReason(f))
        .map((f) => ({ ...jest(name(f), "http", [rel(f)]), redis: true, testNamePattern: redisTests(f) })),
    )
  }
  if (chromium && want("e2e")) {
    suites.push(...findFiles(join(root, "integration-tests", "e2e"), ".e2e.spec.ts").map((f) => jest(rel(f), "e2e", [rel(f)])))
  }
  // Process tests: those marked `// @redis: …` (the server + worker
  // topology) run in the Redis pass only; the others (faults survived) in the
  // main pass, like the HTTP files.
  const processes = findFiles(join(root, "integration-tests", "processes"), ".spec.ts")
  if (want("processes")) {
    suites.push(...processes.filter((f) => !redisReason(f)).map((f) => jest(rel(f), "processes", [rel(f)])))
  }
  if ((redis || withRedis) && (only === "processes" || redisPass)) {
    suites.push(
      ...processes
        .filter((f) => redisReason(f))
        .map((f) => ({
          ...jest(rel(f), "processes", [rel(f)]),
          redis: true,
        })),
    )
  }
  return suites
}

/**
 * Longest first (from the last run's timings when known, else a suite's
 * default weight), so the two slots finish close together.
 */
export function scheduleOrder(suites, timings = {}) {
  const weight = (s) => timings[s.name] ?? (s.kind === "cmd" ? 120 : s.project === "e2e" ? 400 : 90)
  return [...suites].sort((a, b) => weight(b) - weight(a))
}
