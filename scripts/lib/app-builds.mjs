// The two application builds — backend + dashboard (`medusa build`) and the
// storefront (`next build`) — shared by `npm install` (postinstall builds them
// once, side by side) and `npm start` (builds only what is stale since).
// Neither build depends on the database or on the ports: the dashboard calls
// the API on its own origin ("/") and the storefront reads its backend URL
// and publishable key at run time (storefront/src/lib/config.ts).
import { existsSync, readdirSync } from "node:fs"
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { isStale } from "./freshness.mjs"
import { run } from "./proc.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
const backend = join(root, "backend")
const storefront = join(root, "storefront")

/** Where `medusa start` runs from once the backend is built. */
export const builtBackend = join(backend, ".medusa", "server")

export function backendBuildIsStale() {
  return isStale(join(builtBackend, "package.json"), [
    join(backend, "src"),
    join(backend, "medusa-config.ts"),
    ...readdirSync(join(root, "plugins")).map((p) => join(root, "plugins", p, ".medusa", "server", ".built")),
  ])
}

export function storefrontBuildIsStale() {
  return (
    existsSync(join(storefront, "package.json")) &&
    isStale(join(storefront, ".next", "BUILD_ID"), [
      join(storefront, "src"),
      join(storefront, "package.json"),
      join(storefront, "next.config.mjs"),
      join(root, "plugins", "contracts", "efirma-client"),
    ])
  )
}

export function buildBackend({ env = {}, logFile }) {
  return run("npx", ["medusa", "build"], { cwd: backend, env: { MEDUSA_DISABLE_TELEMETRY: "true", ...env }, logFile })
}

export function buildStorefront({ env = {}, logFile }) {
  return run("npx", ["next", "build"], {
    cwd: storefront,
    env: { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    logFile,
  })
}
