#!/usr/bin/env node
// `npm run audit:verify`: recomputes the audit ledger's hash chain and daily
// checkpoints and reports the FIRST broken entry by sequence. Exit codes:
// 0 intact, 1 broken, 2 usage/connection error.
// Reads DATABASE_URL (postgres://user:pass@host:port/db) of the store's
// database; without it, the embedded development database while `npm start`
// runs it (its URL is in .data/database-url meanwhile). Uses the plugin's build
// output (node scripts/build-plugins.mjs) so the hashing code is the same one
// the server uses.
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const { runningDatabaseUrl } = await import(join(here, "..", "..", "..", "scripts", "lib", "running-db.mjs"))
const url = process.env.DATABASE_URL || runningDatabaseUrl()
if (!url) {
  console.error(
    "audit:verify: define DATABASE_URL (p. ej. postgres://postgres:postgres@localhost:5432/medusa) o ejecútalo mientras `npm start` corre la base de datos embebida.",
  )
  process.exit(2)
}
const { verifyAuditLedger, formatVerification } = require(join(here, "..", ".medusa", "server", "src", "audit", "verify.js"))
const { Client } = require("@medusajs/framework/pg")
const client = new Client({ connectionString: url, ssl: process.env.DATABASE_SSL === "true" ? { rejectUnauthorized: false } : false })
try {
  await client.connect()
  const result = await verifyAuditLedger(async (sql, params) => (await client.query(sql, params ?? [])).rows)
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(result, null, 2))
  } else {
    console.log(formatVerification(result))
  }
  process.exitCode = result.ok ? 0 : 1
} catch (e) {
  console.error(`audit:verify: ${e.message}`)
  process.exitCode = 2
} finally {
  await client.end().catch(() => {})
}
