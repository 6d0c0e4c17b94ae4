// A later `npm start` skips the migrations and the demo seed when nothing
// they depend on changed since the last successful run: the lockfile (Medusa's
// own migrations), the built plugins (ours, and their links), the backend and
// seed sources, and the database itself (its oid: a database dropped and
// created again under the same name is a new one). ~25 s of a later start.
import { createHash } from "node:crypto"
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { newestMtime } from "./freshness.mjs"

const STAMP = "setup-stamp.json"

/** What the migrations and the seed depend on, as one hash. */
export function setupFingerprint(root, { databaseUrl, databaseOid }) {
  const lock = join(root, "package-lock.json")
  const plugins = join(root, "plugins")
  const parts = {
    lock: existsSync(lock) ? createHash("sha256").update(readFileSync(lock)).digest("hex") : null,
    plugins: existsSync(plugins) ? newestMtime(readdirSync(plugins).map((p) => join(plugins, p, ".medusa", "server", ".built"))) : 0,
    backend: newestMtime([join(root, "backend", "src"), join(root, "backend", "medusa-config.ts")]),
    seed: newestMtime([join(root, "seed", "src")]),
    database: `${databaseUrl}#${databaseOid}`,
  }
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex")
}

/** True when the last successful setup in `dataDir` had this fingerprint and left its demo file. */
export function setupIsCurrent(dataDir, fingerprint, demoFile) {
  const file = join(dataDir, STAMP)
  if (!existsSync(file) || !existsSync(demoFile)) {
    return false
  }
  try {
    return JSON.parse(readFileSync(file, "utf8")).fingerprint === fingerprint
  } catch {
    return false
  }
}

export function recordSetup(dataDir, fingerprint) {
  writeFileSync(join(dataDir, STAMP), JSON.stringify({ fingerprint, at: new Date().toISOString() }, null, 2) + "\n")
}
