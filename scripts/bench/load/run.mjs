#!/usr/bin/env node
// `npm run bench:load`: the store end to end under load, on the demo world
// that `npm start` builds (its own database, its own data directory, no
// storefront). Three measurements in one run:
//   1. yardstick: Medusa's own floor route (GET /store/regions), autocannon;
//   2. flows: requisition → every approval → contracts → both e.firma
//      signatures → order, by concurrent users, in flows per second;
//   3. mixed: virtual users (buyers searching and submitting, approvers
//      deciding, the Purchasing Unit contracting and signing, the supplier
//      updating offers and acknowledging orders) with think time:
//      p50/p95/p99 per request type, errors, server RSS over time.
// Writes the "## End to end" section of docs/benchmarks.md.
//
// Env: DATABASE_URL (a PostgreSQL server; default: embedded under
// .cache/bench-load-pg), BENCH_FLOW_SECONDS (60), BENCH_FLOW_USERS (8),
// BENCH_USERS (100), BENCH_MIXED_SECONDS (300), BENCH_THINK_MS (1000),
// BENCH_FLOOR_SECONDS (15). BENCH_BASE_URL + BENCH_DATA_DIR measure a store
// that is already running (its data directory holds demo.json and the demo
// e.firma files) instead of starting one (BENCH_SERVER_PID: its process, for RSS).
import { spawn } from "node:child_process"
import { performance } from "node:perf_hooks"
import { clearInterval, setInterval } from "node:timers"
import { readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync, mkdirSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import { Api, Recorder, percentiles, readDemo } from "./client.mjs"
import { acts, prepareWorld, wholeFlow } from "./flows.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")
const { startEmbeddedPostgres, findFreePort } = await import(join(root, "scripts/lib/embedded-db.mjs"))
const { freshBenchDatabase } = await import(join(root, "scripts/lib/bench-db.mjs"))

const FLOW_SECONDS = Number(process.env.BENCH_FLOW_SECONDS || 60)
const FLOW_USERS = Number(process.env.BENCH_FLOW_USERS || 8)
const USERS = Number(process.env.BENCH_USERS || 100)
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS || 300)
const THINK_MS = Number(process.env.BENCH_THINK_MS || 1000)
const FLOOR_SECONDS = Number(process.env.BENCH_FLOOR_SECONDS || 15)
const TARGETS = { flowsPerSecond: 20, p95: 300, rssMb: 600 }

const log = (m) => process.stdout.write(`${m}\n`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

let db = null
let store = null

/** `npm start --no-storefront` on a fresh database and data directory; resolves when it prints it is ready. */
async function startStore(databaseUrl, dataDir, port) {
  rmSync(dataDir, { recursive: true, force: true })
  const simulatorPort = await findFreePort(port + 10)
  const child = spawn(process.execPath, [join(root, "scripts", "start.mjs"), "--no-storefront"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TIENDA_DATA_DIR: dataDir,
      TIENDA_FORCE_SETUP: "1",
      PORT: String(port),
      SIMULATOR_BASE_PORT: String(simulatorPort),
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let out = ""
  child.stdout.on("data", (d) => {
    out += d
    const lines = String(d)
      .split("\n")
      .filter((l) => /^[✔▶]/.test(l))
    lines.forEach((l) => log(`  ${l}`))
  })
  child.stderr.on("data", (d) => (out += d))
  const deadline = Date.now() + 20 * 60_000
  while (!out.includes("Tienda Digital lista")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm start did not get ready:\n${out.slice(-3000)}`)
    }
    await sleep(500)
  }
  return child
}

/** The `medusa start` process under `npm start` (its cwd is the built backend). */
function serverPid(rootPid) {
  const parent = new Map()
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8")
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]))
    } catch {
      // gone
    }
  }
  const descends = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
      if (p === rootPid) {
        return true
      }
    }
    return false
  }
  for (const pid of parent.keys()) {
    try {
      if (descends(pid) && readlinkSync(`/proc/${pid}/cwd`).endsWith(join(".medusa", "server"))) {
        return pid
      }
    } catch {
      // not ours
    }
  }
  return null
}

const rssMb = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))
    return m ? Number(m[1]) / 1024 : null
  } catch {
    return null
  }
}

function floor(baseUrl, publishableKey, connections) {
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: `${baseUrl}/store/regions`,
        connections,
        duration: FLOOR_SECONDS,
        headers: { "x-publishable-api-key": publishableKey },
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    )
    autocannon.track(inst, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false })
  })
}

/**
 * `users` loops of `act` for `seconds`. Returns the acts completed, the
 * failures (5xx, network, anything unexpected) and the refusals (4xx: in the
 * mixed workload, mostly races such as a step another approver decided first),
 * each counted by error code.
 */
async function runUsers(users, seconds, act) {
  const until = Date.now() + seconds * 1000
  let done = 0
  const failures = new Map()
  const refusals = new Map()
  const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1)
  await Promise.all(
    Array.from({ length: users }, async (_, i) => {
      while (Date.now() < until) {
        try {
          done += (await act(i)) ?? 1
        } catch (e) {
          if (e.status >= 400 && e.status < 500) {
            count(refusals, e.body?.code ?? `HTTP ${e.status}`)
          } else {
            count(failures, e.message.slice(0, 200))
          }
        }
      }
    }),
  )
  const total = (map) => [...map.values()].reduce((a, b) => a + b, 0)
  const list = (map) => [...map.entries()].map(([k, n]) => `${k} ×${n}`).join("; ")
  return { done, failed: total(failures), refused: total(refusals), failures: list(failures), refusals: list(refusals) }
}

async function main() {
  const loadBefore = loadavg().map((x) => x.toFixed(2))
  let baseUrl = process.env.BENCH_BASE_URL
  let dataDir = process.env.BENCH_DATA_DIR
  let startSeconds = null
  let pid = null
  if (baseUrl && dataDir) {
    log(`bench:load — the store already running at ${baseUrl} (load before: ${loadBefore.join(" ")})`)
    pid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : null
  } else {
    let base = process.env.DATABASE_URL
    if (!base) {
      db = await startEmbeddedPostgres({ dataDir: join(root, ".cache", "bench-load-pg"), port: 54410, persistent: false, fast: true })
      base = db.url
    }
    const { url, port } = await freshBenchDatabase(base, "tienda_bench_load", 9600)
    dataDir = join(root, ".cache", "bench-load")
    log(`bench:load — npm start --no-storefront on a fresh database (load before: ${loadBefore.join(" ")})`)
    const t0 = Date.now()
    store = await startStore(url.toString(), dataDir, port)
    startSeconds = (Date.now() - t0) / 1000
    baseUrl = `http://localhost:${port}`
    pid = serverPid(store.pid)
  }
  const { demo, credentialOf } = readDemo(dataDir)

  log(`bench:load — yardstick: GET /store/regions, 50 connections, ${FLOOR_SECONDS} s`)
  const yard = await floor(baseUrl, demo.publishable_key, 50)
  log(
    `  ${yard.requests.average.toFixed(0)} req/s, p50 ${yard.latency.p50} ms, p99 ${yard.latency.p99} ms, ${yard.errors + yard.non2xx} errors`,
  )

  const flowRec = new Recorder()
  const w = await prepareWorld(new Api(baseUrl, demo.publishable_key, flowRec), demo, credentialOf)
  log(
    `bench:load — flows: ${FLOW_USERS} users, ${FLOW_SECONDS} s (requisition → ${w.approvers.length} approvals → contract → 2 signatures → order)`,
  )
  const flowMs = []
  const flows = await runUsers(FLOW_USERS, FLOW_SECONDS, async () => {
    const t = performance.now()
    const n = await wholeFlow(w)
    flowMs.push(performance.now() - t)
    return n ? 1 : 0
  })
  // a refused flow (4xx) is a failed flow too: nothing else acts on its requisition
  flows.failed += flows.refused
  const flowsPerSecond = flows.done / FLOW_SECONDS
  const flowLat = percentiles(flowMs)
  log(
    `  ${flows.done} flows (${flowsPerSecond.toFixed(2)}/s), flow p50 ${flowLat.p50} ms, p95 ${flowLat.p95} ms, ${flows.failed} failed${flows.failed ? `: ${flows.failures} ${flows.refusals}` : ""}`,
  )

  const mixedRec = new Recorder()
  const mixed = { ...w }
  for (const k of ["requester", "purchasing", "supplier"]) {
    mixed[k] = Object.assign(Object.create(Object.getPrototypeOf(w[k])), w[k], { api: new Api(baseUrl, demo.publishable_key, mixedRec) })
  }
  mixed.approvers = w.approvers.map((a) => Object.assign(Object.create(Object.getPrototypeOf(a)), a, { api: mixed.requester.api }))
  // who the users are: most search; a few submit, decide, contract, keep offers, acknowledge orders
  const roles = [
    ["search", 0.6],
    ["requisition", 0.12],
    ["approve", 0.12],
    ["contract", 0.04],
    ["offer", 0.06],
    ["acknowledge", 0.06],
  ]
  const roleOf = (i) => {
    let x = (i + 0.5) / USERS
    for (const [role, share] of roles) {
      if ((x -= share) < 0) {
        return role
      }
    }
    return "search"
  }
  log(`bench:load — mixed: ${USERS} users, ${MIXED_SECONDS} s, think time ~${THINK_MS} ms`)
  const rss = []
  const sampler = setInterval(() => pid && rss.push(rssMb(pid)), 5000)
  const mixedRun = await runUsers(USERS, MIXED_SECONDS, async (i) => {
    await sleep(THINK_MS * (0.5 + Math.random()))
    await acts[roleOf(i)](mixed, i)
  })
  clearInterval(sampler)
  const peakRss = rss.length ? Math.max(...rss.filter((x) => x !== null)) : NaN
  const rows = mixedRec.summary()
  const totals = mixedRec.totals()
  for (const r of rows) {
    log(
      `  ${r.type.padEnd(26)} ${String(r.count).padStart(6)}  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  errors ${r.errors}  refused ${r.refused}`,
    )
  }
  log(`  all: ${totals.count} requests, p95 ${totals.p95} ms, ${totals.errors} errors; server RSS peak ${peakRss.toFixed(0)} MB`)
  if (mixedRun.refused || mixedRun.failed) {
    log(`  refused acts (races): ${mixedRun.refusals || "none"}; failed acts: ${mixedRun.failures || "none"}`)
  }

  const verdict = (ok, text) => `${ok ? "✔ meets" : "✘ misses"} — ${text}`
  const verdicts = [
    verdict(flowsPerSecond >= TARGETS.flowsPerSecond, `${flowsPerSecond.toFixed(2)} flows/s (target ≥ ${TARGETS.flowsPerSecond})`),
    verdict(totals.p95 <= TARGETS.p95, `mixed p95 ${totals.p95} ms (target ≤ ${TARGETS.p95} ms)`),
    verdict(
      totals.errors === 0 && flows.failed === 0 && mixedRun.failed === 0,
      `${totals.errors + flows.failed + mixedRun.failed} errors (target 0)`,
    ),
    Number.isNaN(peakRss)
      ? "? not measured — server RSS (set BENCH_SERVER_PID for a store already running)"
      : verdict(peakRss <= TARGETS.rssMb, `server RSS peak ${peakRss.toFixed(0)} MB (target ≤ ${TARGETS.rssMb} MB)`),
  ]
  verdicts.forEach((v) => log(`  ${v}`))

  const section = [
    "## End to end",
    "",
    `Measured by \`npm run bench:load\` (scripts/bench/load/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ` +
      `${cpus().length} CPU (${cpus()[0]?.model?.trim() ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ` +
      `${process.env.DATABASE_URL ? "PostgreSQL from DATABASE_URL" : "embedded PostgreSQL (fsync off)"}; the store as \`npm start --no-storefront\` ` +
      `leaves it (demo world, one \`medusa start\` process, in-memory event bus and workflow engine, simulators running), ` +
      (startSeconds === null ? `already running at ${baseUrl}.` : `ready in ${startSeconds.toFixed(0)} s.`) +
      ` Load average before the run: ${loadBefore.join(" ")}.`,
    "",
    `Yardstick in the same run: Medusa's own \`GET /store/regions\` at 50 connections: **${yard.requests.average.toFixed(0)} req/s**, ` +
      `p50 ${yard.latency.p50} ms, p99 ${yard.latency.p99} ms.`,
    "",
    `**Flows** (${FLOW_USERS} concurrent users, ${FLOW_SECONDS} s, each flow: cart → requisition → submit with budget reservation → ` +
      `${w.approvers.length} approvals → contract generation → agency and supplier e.firma signatures → order): ` +
      `**${flows.done} flows, ${flowsPerSecond.toFixed(2)} flows/s**; one flow p50 ${flowLat.p50} ms, p95 ${flowLat.p95} ms; ` +
      `${flows.failed} failed. That is ${(flowsPerSecond / Math.max(yard.requests.average, 1)).toFixed(4)} flows per floor request.`,
    "",
    `**Mixed workload** (${USERS} virtual users, ${MIXED_SECONDS} s, think time ${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms: ` +
      roles.map(([r, s]) => `${Math.round(s * 100)} % ${r}`).join(", ") +
      `): ${totals.count} requests (${(totals.count / MIXED_SECONDS).toFixed(1)} req/s), p95 **${totals.p95} ms**, ${totals.errors} errors; ` +
      `acts refused by a race (another user acted first): ${mixedRun.refused}${mixedRun.refused ? ` (${mixedRun.refusals})` : ""}; ` +
      `server RSS sampled every 5 s: ${rss
        .filter((_, i) => i % Math.max(1, Math.floor(rss.length / 8)) === 0)
        .map((x) => (x === null ? "?" : x.toFixed(0)))
        .join(" → ")} MB, peak ${peakRss.toFixed(0)} MB.`,
    "",
    "| Request type | Count | p50 ms | p95 ms | p99 ms | Errors | Refused (4xx, expected races) |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.type} | ${r.count} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.refused} |`),
    "",
    "Verdicts:",
    "",
    ...verdicts.map((v) => `- ${v}`),
    "",
  ].join("\n")
  const docs = join(root, "docs", "benchmarks.md")
  const text = readFileSync(docs, "utf8")
  const re = /## End to end\n[\s\S]*?(?=\n## |$)/
  const next = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}`
  writeFileSync(docs, next.endsWith("\n") ? next : `${next}\n`)
  log(`bench:load — wrote the "## End to end" section of docs/benchmarks.md`)
}

async function shutdown(code) {
  if (store?.pid && store.exitCode === null) {
    try {
      process.kill(-store.pid, "SIGINT")
    } catch {
      // already gone
    }
    await Promise.race([new Promise((r) => store.once("exit", r)), sleep(20000)])
  }
  await db?.stop?.()
  process.exit(code)
}

mkdirSync(join(root, ".cache"), { recursive: true })
main().then(
  () => shutdown(0),
  (e) => {
    console.error(e)
    return shutdown(1)
  },
)
