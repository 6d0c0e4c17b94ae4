#!/usr/bin/env node
// `npm run bench:search-longtail`: catalog search on cache misses. For each
// catalog size (BENCH_SIZES, default "10000,100000") builds the synthetic
// catalog of bench/setup.ts on a dedicated database (kept and reused with
// BENCH_REUSE=1), starts one server with its default caches and drives it
// with ≥ 1,000 distinct long-tail queries drawn from the catalog's own item
// vocabulary (bench/queries.mjs) with a Zipf-like skew:
//   1. one connection: latency of cache misses only (the route's
//      `x-search-cache` header tells hits from misses), cache hit rate;
//   2. one connection: as-you-type suggestions (never cached);
//   3. 50 connections: throughput on the long tail, then Medusa's floor route
//      on the same server right after (the yardstick);
// prints one verdict line per target and writes the "## Search on cache
// misses (long tail)" section of docs/benchmarks.md.
//
// Env: DATABASE_URL (default: embedded PostgreSQL under .cache/bench-search-pg),
// BENCH_SIZES, BENCH_QUERIES (distinct queries, default 2000), BENCH_ZIPF_S (1),
// BENCH_LATENCY_SECONDS (60), BENCH_SUGGEST_SECONDS (20), BENCH_SECONDS (30),
// BENCH_CONNECTIONS (50), BENCH_REUSE, BENCH_DB_PREFIX (tienda_bench_longtail).
import { performance } from "node:perf_hooks"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import pg from "pg"
import { generateQueries, percentile, suggestPaths, zipf } from "./queries.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")
const { startEmbeddedPostgres, findFreePort } = await import(join(root, "scripts/lib/embedded-db.mjs"))
const { run, startService, stopService, waitForHttp } = await import(join(root, "scripts/lib/proc.mjs"))
const { freshBenchDatabase } = await import(join(root, "scripts/lib/bench-db.mjs"))

const SIZES = (process.env.BENCH_SIZES || "10000,100000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0)
const QUERIES = Math.max(1000, Number(process.env.BENCH_QUERIES || 2000))
const ZIPF_S = Number(process.env.BENCH_ZIPF_S || 1)
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS || 60)
const SUGGEST_SECONDS = Number(process.env.BENCH_SUGGEST_SECONDS || 20)
const SECONDS = Number(process.env.BENCH_SECONDS || 30)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50)
const REUSE = process.env.BENCH_REUSE === "1"
const PREFIX = process.env.BENCH_DB_PREFIX || "tienda_bench_longtail"
const TARGET = { p95: (size) => (size <= 10000 ? 50 : 100), suggest: 20, floorShare: 0.6 }
const FLOOR = "/store/regions?fields=id,name"
const backend = join(root, "backend")
const logs = join(root, ".cache", "logs")
mkdirSync(logs, { recursive: true })

let db = null
let server = null
const log = (m) => process.stdout.write(`${m}\n`)
const load1 = () => loadavg()[0].toFixed(2)

async function databaseFor(base, size) {
  const name = `${PREFIX}_${size}`
  const out = join(root, ".cache", `${name}.json`)
  if (REUSE && existsSync(out)) {
    const url = new URL(base)
    url.pathname = `/${name}`
    const c = new pg.Client({ connectionString: url.toString() })
    // only a missing database or catalog means "build it"; any other failure stops the run
    const n = await c
      .connect()
      .then(() => c.query("SELECT count(*)::int AS n FROM search_document"))
      .then((r) => r.rows[0].n)
      .catch(() => null)
      .finally(() => c.end().catch(() => {}))
    if (n === size) {
      const port = await findFreePort(9470)
      const env = {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        DISABLE_ADMIN: "true",
        MEDUSA_DISABLE_TELEMETRY: "true",
        LOG_LEVEL: "error",
        NODE_ENV: "development",
      }
      log(`bench:search-longtail ${size} — reusing ${name} (BENCH_REUSE=1)`)
      await run("npx", ["medusa", "db:migrate"], { cwd: backend, env, logFile: join(logs, `${name}-migrate.log`) })
      return { url, port, env, world: JSON.parse(readFileSync(out, "utf8")), reused: true }
    }
  }
  const { url, port, env } = await freshBenchDatabase(base, name, 9470)
  log(`bench:search-longtail ${size} — migrations`)
  await run("npx", ["medusa", "db:migrate"], { cwd: backend, env, logFile: join(logs, `${name}-migrate.log`) })
  log(`bench:search-longtail ${size} — synthetic catalog (${size} items, 3 offers each, index); progress in .cache/logs/${name}-setup.log`)
  await run("npx", ["medusa", "exec", "../plugins/search/bench/setup.ts"], {
    cwd: backend,
    env: { ...env, BENCH_OUTPUT: out, BENCH_ITEMS: String(size), BENCH_STOCK_PRODUCTS: "0" },
    logFile: join(logs, `${name}-setup.log`),
  })
  return { url, port, env, world: JSON.parse(readFileSync(out, "utf8")), reused: false }
}

/** Sequential requests (one connection, keep-alive) for `seconds`; latency per request as the client sees it. */
async function sequential(baseUrl, headers, next, seconds) {
  const samples = []
  const until = Date.now() + seconds * 1000
  while (Date.now() < until) {
    const path = next()
    const t = performance.now()
    let status = 0
    let cache = null
    try {
      const res = await fetch(`${baseUrl}${path}`, { headers })
      await res.arrayBuffer()
      status = res.status
      cache = res.headers.get("x-search-cache")
    } catch {
      status = -1
    }
    samples.push({ path, ms: performance.now() - t, status, cache })
  }
  return samples
}

function cannon(baseUrl, next, headers, seconds, connections, onCache) {
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        headers,
        requests: [
          {
            setupRequest: (req) => ({ ...req, method: "GET", path: next() }),
            onResponse: (status, body, context, resHeaders) => onCache?.(resHeaders?.["x-search-cache"]),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    )
    autocannon.track(inst, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false })
  })
}

const stats = (samples) => {
  const ms = samples.map((s) => s.ms)
  const r = (x) => (x === null ? null : Math.round(x * 10) / 10)
  return {
    n: samples.length,
    p50: r(percentile(ms, 50)),
    p95: r(percentile(ms, 95)),
    p99: r(percentile(ms, 99)),
    max: r(ms.length ? Math.max(...ms) : null),
  }
}

async function benchSize(base, size) {
  const { url, port, env, world, reused } = await databaseFor(base, size)
  if (process.env.BENCH_SETUP_ONLY === "1") {
    return null
  }
  const c = new pg.Client({ connectionString: url.toString() })
  await c.connect()
  if (!reused) {
    await c.query("VACUUM ANALYZE")
  }
  // the vocabulary: every indexed item name with its class, suppliers and cheapest price
  const { rows: docs } = await c.query("SELECT name, class_code, supplier_ids, min_cents FROM search_document ORDER BY id")
  await c.end()
  const warm = generateQueries(docs, { count: 60, seed: 99 })
  const { paths, texts } = generateQueries(docs, { count: QUERIES, seed: 7, exclude: new Set(warm.paths) })
  const suggest = suggestPaths(texts, { count: Math.max(1000, QUERIES / 2), seed: 11 })
  log(`  ${paths.length} distinct queries, ${suggest.length} distinct suggestion prefixes; e.g. ${paths.slice(0, 4).join("  ")}`)

  server = startService("medusa", "npx", ["medusa", "start"], { cwd: backend, env, logFile: join(logs, `${PREFIX}-${size}-server.log`) })
  const baseUrl = `http://localhost:${port}`
  await waitForHttp(`${baseUrl}/health`, { child: server, timeoutMs: 180000 })
  const token = await (
    await fetch(`${baseUrl}/auth/customer/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: world.email, password: world.password }),
    })
  )
    .json()
    .then((b) => b.token)
  const headers = { authorization: `Bearer ${token}`, "x-publishable-api-key": world.publishable }
  const probe = await (await fetch(`${baseUrl}/store/catalog/search?q=boligrafo&limit=20`, { headers })).json()
  if (!probe.count) {
    throw new Error(`probe failed: ${JSON.stringify(probe).slice(0, 300)}`)
  }
  // warm-up: JIT and buffers, on queries that are not measured
  let w = 0
  await sequential(baseUrl, headers, () => warm.paths[w++ % warm.paths.length], 8)
  await sequential(baseUrl, headers, () => suggest[(w += 7) % suggest.length], 3)
  await cannon(baseUrl, () => FLOOR, headers, 3, CONNECTIONS)

  const loads = {}
  loads.one = load1()
  log(`  1 connection, long tail (Zipf s=${ZIPF_S}), ${LATENCY_SECONDS} s — load ${loads.one}`)
  const draw = zipf(paths.length, { s: ZIPF_S, seed: 3 })
  const one = await sequential(baseUrl, headers, () => paths[draw()], LATENCY_SECONDS)
  const misses = one.filter((s) => s.cache === "miss" && s.status === 200)
  const hits = one.filter((s) => s.cache === "hit" && s.status === 200)

  loads.suggest = load1()
  log(`  1 connection, suggestions, ${SUGGEST_SECONDS} s — load ${loads.suggest}`)
  const sdraw = zipf(suggest.length, { s: ZIPF_S, seed: 5 })
  const sug = await sequential(baseUrl, headers, () => suggest[sdraw()], SUGGEST_SECONDS)

  loads.many = load1()
  log(`  ${CONNECTIONS} connections, long tail, ${SECONDS} s — load ${loads.many}`)
  // a fresh draw: the popular head is cached by now (as in production), the tail is not
  const mdraw = zipf(paths.length, { s: ZIPF_S, seed: 13 })
  const cacheSeen = { hit: 0, miss: 0, shared: 0 }
  const many = await cannon(
    baseUrl,
    () => paths[mdraw()],
    headers,
    SECONDS,
    CONNECTIONS,
    (h) => {
      if (h in cacheSeen) {
        cacheSeen[h]++
      }
    },
  )
  loads.floor = load1()
  log(`  ${CONNECTIONS} connections, floor ${FLOOR}, ${SECONDS} s — load ${loads.floor}`)
  const floor = await cannon(baseUrl, () => FLOOR, headers, SECONDS, CONNECTIONS)
  await stopService(server)
  server = null
  return { size, generation_s: world.generation_s, one, misses, hits, sug, many, floor, cacheSeen, loads, distinct: paths.length }
}

const errorsOf = (samples) => samples.filter((s) => s.status !== 200).length
const rps = (r) => r["2xx"] / (r.duration || SECONDS)
const bad = (r) => r.non2xx + r.errors + r.timeouts

function verdicts(r) {
  const miss = stats(r.misses)
  const sug = stats(r.sug.filter((s) => s.status === 200))
  const share = rps(r.many) / Math.max(rps(r.floor), 0.01)
  const errors = errorsOf(r.one) + errorsOf(r.sug) + bad(r.many)
  const n = r.size.toLocaleString("en-US")
  const ok = (b) => (b ? "MET" : "NOT MET")
  return [
    `${ok(miss.p95 !== null && miss.p95 <= TARGET.p95(r.size))}: search p95 on cache misses at ${n} items, 1 connection: ${miss.p95} ms (target ≤ ${TARGET.p95(r.size)} ms; ${miss.n} misses)`,
    `${ok(sug.p95 !== null && sug.p95 <= TARGET.suggest)}: suggestions p95 at ${n} items, 1 connection: ${sug.p95} ms (target ≤ ${TARGET.suggest} ms)`,
    `${ok(share >= TARGET.floorShare)}: long tail at ${CONNECTIONS} connections, ${n} items: ${rps(r.many).toFixed(1)} req/s = ${(100 * share).toFixed(0)} % of the floor's ${rps(r.floor).toFixed(1)} (target ≥ ${100 * TARGET.floorShare} %)`,
    `${ok(errors === 0)}: errors at ${n} items: ${errors} (target 0)`,
  ]
}

async function main() {
  let base = process.env.DATABASE_URL
  if (!base) {
    db = await startEmbeddedPostgres({ dataDir: join(root, ".cache", "bench-search-pg"), port: 54410, persistent: REUSE, fast: true })
    base = db.url
  }
  const results = []
  for (const size of SIZES) {
    const r = await benchSize(base, size)
    if (!r) {
      continue
    }
    results.push(r)
    verdicts(r).forEach((v) => log(`  ${v}`))
  }
  const lines = [
    "## Search on cache misses (long tail)",
    "",
    `Measured by \`npm run bench:search-longtail\` (plugins/search/bench/longtail.mjs) on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ` +
      `${cpus().length} CPU (${cpus()[0]?.model?.trim() ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ` +
      `${process.env.DATABASE_URL ? "PostgreSQL from DATABASE_URL" : "embedded PostgreSQL 18 (fsync off)"}, one \`medusa start\` process with its ` +
      `default caches (ADR 0008). The machine is shared: the load average before each phase is in the table.`,
    "",
    `Catalog: bench/setup.ts (items named from the demo classifier's variants × modifiers × presentations, 3 offers each). ` +
      `Queries: ${QUERIES} distinct, generated from the indexed item names (bench/queries.mjs): 1–3 words of a name, 70 % typed without ` +
      `accents, 15 % with a typo, 12 % singular↔plural, 10 % a word still being typed; 34 % with a filter (class, MIPYME, zone, price, ` +
      `supplier), 22 % sorted by price or delivery, 8 % asking for the second page. Requests draw them with a Zipf skew (s = ${ZIPF_S}): ` +
      `the popular head repeats, the tail is asked once. "Misses" are the requests the route answered by computing (header ` +
      `\`x-search-cache: miss\`); latency as the client sees it, exact percentiles of every sample. Suggestions are never cached.`,
    "",
    "| Items | Phase | Load before | Requests | Hit rate | p50 ms | p95 ms | p99 ms | max ms | req/s | Errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ]
  const verdictLines = []
  for (const r of results) {
    const n = r.size.toLocaleString("en-US")
    const all = r.one.length
    const hitRate = all ? `${((100 * r.hits.length) / all).toFixed(0)} %` : "—"
    const m = stats(r.misses)
    const h = stats(r.hits)
    const s = stats(r.sug.filter((x) => x.status === 200))
    const manyHits = r.cacheSeen.hit + r.cacheSeen.shared
    const manyAll = manyHits + r.cacheSeen.miss
    lines.push(
      `| ${n} | search, cache misses, 1 connection | ${r.loads.one} | ${m.n} | — | ${m.p50} | ${m.p95} | ${m.p99} | ${m.max} | — | ${errorsOf(r.one)} |`,
      `| ${n} | search, cache hits, 1 connection (same run) | ${r.loads.one} | ${h.n} | ${hitRate} | ${h.p50} | ${h.p95} | ${h.p99} | ${h.max} | ${(all / LATENCY_SECONDS).toFixed(1)} | — |`,
      `| ${n} | suggestions, 1 connection | ${r.loads.suggest} | ${s.n} | not cached | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${(r.sug.length / SUGGEST_SECONDS).toFixed(1)} | ${errorsOf(r.sug)} |`,
      `| ${n} | search long tail, ${CONNECTIONS} connections | ${r.loads.many} | ${r.many["2xx"]} | ${manyAll ? `${((100 * manyHits) / manyAll).toFixed(0)} %` : "—"} | ${r.many.latency.p50} | (p97.5) ${r.many.latency.p97_5} | ${r.many.latency.p99} | ${r.many.latency.max} | ${rps(r.many).toFixed(1)} | ${bad(r.many)} |`,
      `| ${n} | floor: Medusa's \`/store/regions\`, ${CONNECTIONS} connections, right after | ${r.loads.floor} | ${r.floor["2xx"]} | — | ${r.floor.latency.p50} | (p97.5) ${r.floor.latency.p97_5} | ${r.floor.latency.p99} | ${r.floor.latency.max} | ${rps(r.floor).toFixed(1)} | ${bad(r.floor)} |`,
    )
    verdictLines.push(...verdicts(r).map((v) => `- ${v}`))
  }
  lines.push(
    "",
    "Verdicts (targets of issue 19: p95 on misses ≤ 50 ms at 10,000 items and ≤ 100 ms at 100,000; suggestions ≤ 20 ms; " +
      `≥ 60 % of the floor's requests/s at ${CONNECTIONS} connections; zero errors):`,
    "",
    ...verdictLines,
    "",
    "autocannon (the 50-connection rows) reports p97.5, not p95. The distinct queries and prefixes of a run are printed at its start.",
    "",
  )
  if (!results.length) {
    return
  }
  const docs = join(root, "docs", "benchmarks.md")
  let text = existsSync(docs) ? readFileSync(docs, "utf8") : "# Benchmarks\n\n"
  const section = lines.join("\n")
  const re = /## Search on cache misses \(long tail\)\n[\s\S]*?(?=\n## |$)/
  text = re.test(text) ? text.replace(re, section.trimEnd() + "\n") : `${text.trimEnd()}\n\n${section}`
  writeFileSync(docs, text.endsWith("\n") ? text : `${text}\n`)
  log("bench:search-longtail — written to docs/benchmarks.md")
}

try {
  await main()
} catch (e) {
  process.stderr.write(`bench:search-longtail failed: ${e.stack || e.message}\n`)
  process.exitCode = 1
} finally {
  if (server) {
    await stopService(server)
  }
  if (db) {
    await db.stop()
  }
  process.exit(process.exitCode ?? 0)
}
