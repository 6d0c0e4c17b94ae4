// Zero-setup tests: unless DB_HOST (or DATABASE_URL) names a PostgreSQL
// server, start a throwaway embedded one (fsync off, data under .cache/).
// Medusa's test runners read DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD and
// create one database per test file. DB_HOST must be `localhost`: with an IP
// the runner switches SSL on and hangs (see the field notes).
const { rmSync } = require("node:fs")
const { join } = require("node:path")

module.exports = async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  if (!process.env.DB_HOST && process.env.DATABASE_URL) {
    const { dbEnvFromUrl } = await import("../../scripts/lib/test-db-env.mjs")
    Object.assign(process.env, dbEnvFromUrl(process.env.DATABASE_URL))
  }
  if (process.env.DB_HOST) {
    return
  }
  const { startEmbeddedPostgres } = await import("../../scripts/lib/embedded-db.mjs")
  const dataDir = join(__dirname, "..", "..", ".cache", `pg-test-${process.pid}`)
  rmSync(dataDir, { recursive: true, force: true })
  const db = await startEmbeddedPostgres({ dataDir, port: 55500, persistent: false, fast: true })
  globalThis.__TIENDA_PG__ = db
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(db.port)
  process.env.DB_USERNAME = "postgres"
  process.env.DB_PASSWORD = "postgres"
}
