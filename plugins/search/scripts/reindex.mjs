#!/usr/bin/env node
// `npm run search:reindex`: rebuilds the catalog search index from the
// framework-contracts catalog. Uses DATABASE_URL, or the embedded PostgreSQL
// of `npm start` (./.data/postgres, database tienda_digital). Honours
// MEILISEARCH_HOST / MEILISEARCH_API_KEY like the server.
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")
const { startEmbeddedPostgres } = await import(join(root, "scripts/lib/embedded-db.mjs"))
const { buildPlugins } = await import(join(root, "scripts/build-plugins.mjs"))

let db = null
let code = 0
try {
  let url = process.env.DATABASE_URL
  if (!url) {
    const dataDir = join(process.env.TIENDA_DATA_DIR || join(root, ".data"), "postgres")
    const pidFile = join(dataDir, "postmaster.pid")
    // `npm start` running: use its server (line 4 of postmaster.pid is the port)
    const running = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[3]) : 0
    if (running) {
      url = `postgres://postgres:postgres@localhost:${running}/tienda_digital`
    } else {
      db = await startEmbeddedPostgres({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT || 54329) })
      url = `${db.url}/tienda_digital`
    }
  }
  await buildPlugins({ log: () => {} })
  code = await new Promise((resolve, reject) => {
    const child = spawn("npx", ["medusa", "exec", "../plugins/search/scripts/reindex.ts"], {
      cwd: join(root, "backend"),
      env: { ...process.env, DATABASE_URL: url, MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: process.env.LOG_LEVEL || "warn" },
      stdio: "inherit",
    })
    child.on("error", reject)
    child.on("close", resolve)
  })
} catch (e) {
  process.stderr.write(`search:reindex falló: ${e.stack || e.message}\n`)
  code = 1
} finally {
  if (db) {
    await db.stop().catch(() => {})
  }
}
process.exit(code)
