// The local store's own secrets: `npm start` signs tokens and cookies with
// random values made on the first start and kept in <data dir>/secrets.json
// (mode 0600), never with the framework's demo value. Values given in the
// environment win, unless they are one of the well-known demo values.
import { randomBytes } from "node:crypto"
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

export const SECRET_NAMES = ["JWT_SECRET", "COOKIE_SECRET", "SIMULATOR_TOKEN"]
// keep in step with DEFAULT_SECRETS in backend/src/config.ts
export const WEAK_SECRETS = ["supersecret", "changeme", "secret", ""]

const strong = (v) => typeof v === "string" && !WEAK_SECRETS.includes(v) && v.length >= 32

/**
 * Returns { JWT_SECRET, COOKIE_SECRET, SIMULATOR_TOKEN } for this data
 * directory: strong values from `env` when given, else the stored ones, else
 * new random ones (stored for the next start, so sessions survive restarts).
 */
export function ensureSecrets(dataDir, env = process.env) {
  const file = join(dataDir, "secrets.json")
  let stored = {}
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, "utf8"))
    } catch {
      stored = {}
    }
  }
  const out = {}
  let changed = false
  for (const name of SECRET_NAMES) {
    if (strong(env[name])) {
      out[name] = env[name]
    } else if (strong(stored[name])) {
      out[name] = stored[name]
    } else {
      out[name] = stored[name] = randomBytes(32).toString("hex")
      changed = true
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 })
    chmodSync(file, 0o600)
  }
  return out
}
