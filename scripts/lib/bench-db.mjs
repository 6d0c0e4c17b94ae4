import pg from "pg"
import { findFreePort } from "./embedded-db.mjs"

/**
 * A fresh database named `name` on the server of `baseUrl` (dropped first if
 * it exists), a free port from `portFrom`, and the environment a benchmark's
 * `medusa start` needs to use them.
 */
export async function freshBenchDatabase(baseUrl, name, portFrom) {
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  const admin = new pg.Client({ connectionString: new URL("/postgres", baseUrl).toString() })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const port = await findFreePort(portFrom)
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    PORT: String(port),
    DISABLE_ADMIN: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "error",
    NODE_ENV: "development",
  }
  return { url, port, env }
}
