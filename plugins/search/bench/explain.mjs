#!/usr/bin/env node
// Where a search's time goes in PostgreSQL: runs the PostgreSQL provider's
// statements for one query with EXPLAIN (ANALYZE, BUFFERS) against a bench
// catalog, as a buyer who may buy every offer of every contract.
//
//   DATABASE_URL=postgres://…/tienda_bench_longtail_100000 \
//     node plugins/search/bench/explain.mjs "q=caja&sort=price_asc" [--plan] [--repeat=5]
//
// Needs the built plugin (npm run build -w plugins/search). Prints the time of
// each statement (the vocabulary lookup, then the search) and, with --plan, the plan.
import { performance } from "node:perf_hooks"
import { dirname, join } from "node:path"
import { fileURLToPath, URLSearchParams } from "node:url"
import pg from "pg"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")
const built = join(root, "plugins/search/.medusa/server/src/modules/catalog_search/providers")
const { PostgresSearchProvider } = await import(join(built, "postgres.js"))

const args = process.argv.slice(2)
const qs = new URLSearchParams(args.find((a) => !a.startsWith("--")) ?? "q=boligrafo")
const showPlan = args.includes("--plan")
const repeat = Number(args.find((a) => a.startsWith("--repeat="))?.split("=")[1] ?? 3)
const suggest = args.includes("--suggest")

const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
await client.connect()
// knex-style `?` placeholders → $n
const knex = {
  raw: async (sql, bindings = []) => {
    let i = 0
    const text = sql.replace(/\?(?!\|)/g, () => `$${++i}`)
    const started = performance.now()
    const res = await client.query(text, bindings)
    knex.log.push({ sql: text, bindings, ms: performance.now() - started })
    return res
  },
  log: [],
}
const { rows: scope } = await client.query(
  "SELECT array_agg(DISTINCT contract_id) AS contracts, (SELECT array_agg(DISTINCT k) FROM search_document, unnest(offer_keys) k) AS keys FROM search_document",
)
const list = (k) => (qs.get(k) ? qs.get(k).split(",") : undefined)
const query = {
  q: qs.get("q") ?? undefined,
  contract_ids: scope[0].contracts,
  allowed_keys: scope[0].keys,
  state_code: "CMX",
  filters: {
    segment: list("segment"),
    family: list("family"),
    class: list("class"),
    contract: list("contract"),
    supplier: list("supplier"),
    zone: list("zone"),
    sme: qs.has("sme") ? qs.get("sme") === "true" : undefined,
    price_min_cents: qs.has("price_min") ? Math.round(Number(qs.get("price_min")) * 100) : undefined,
    price_max_cents: qs.has("price_max") ? Math.round(Number(qs.get("price_max")) * 100) : undefined,
  },
  sort: qs.get("sort") ?? "relevance",
  limit: Number(qs.get("limit") ?? 20),
  offset: Number(qs.get("offset") ?? 0),
}
const provider = new PostgresSearchProvider((fn) => fn(knex))
for (let i = 0; i < repeat; i++) {
  knex.log = []
  const t = performance.now()
  const res = suggest ? await provider.suggest({ ...query, q: query.q ?? "", limit: 8 }) : await provider.search(query)
  const total = performance.now() - t
  process.stdout.write(
    `run ${i + 1}: ${total.toFixed(1)} ms (${knex.log.map((l) => `${l.ms.toFixed(1)}`).join(" + ")} ms of SQL)` +
      (suggest ? ` ${res.length} suggestions\n` : ` count ${res.count}${res.count_approximate ? " (approximate)" : ""}\n`),
  )
}
if (showPlan) {
  for (const l of knex.log) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${l.sql}`, l.bindings)
    process.stdout.write(`\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`)
  }
}
await client.end()
