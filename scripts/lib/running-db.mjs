// Where `npm start` keeps the URL of the embedded PostgreSQL while it runs,
// so tools such as `npm run audit:verify` can reach it without DATABASE_URL.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

/** The local data folder (`TIENDA_DATA_DIR`, default ./.data). */
export function dataDirectory(env = process.env) {
  return env.TIENDA_DATA_DIR || join(root, ".data")
}

const file = (env) => join(dataDirectory(env), "database-url")

/** Records the running embedded database's URL. */
export function recordRunningDatabase(url, env = process.env) {
  writeFileSync(file(env), `${url}\n`)
}

/** Forgets it (the database stopped). */
export function forgetRunningDatabase(env = process.env) {
  rmSync(file(env), { force: true })
}

/** The running embedded database's URL, or null when `npm start` is not running one. */
export function runningDatabaseUrl(env = process.env) {
  return existsSync(file(env)) ? readFileSync(file(env), "utf8").trim() || null : null
}
