#!/usr/bin/env node
// After `npm install`: build the plugins (two at a time along their
// dependencies), then the backend + dashboard and the storefront side by
// side, so the first `npm start` has nothing left to compile.
// TIENDA_SKIP_POSTINSTALL=true skips everything (e.g. Docker layers that build
// later); TIENDA_SKIP_APP_BUILD=true builds only the plugins.
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { buildPlugins } from "./build-plugins.mjs"
import { backendBuildIsStale, buildBackend, buildStorefront, storefrontBuildIsStale } from "./lib/app-builds.mjs"

const logs = join(dirname(fileURLToPath(import.meta.url)), "..", ".cache", "logs")

async function main() {
  if (process.env.TIENDA_SKIP_POSTINSTALL === "true") {
    return
  }
  const t0 = Date.now()
  const seconds = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`
  console.log("Tienda Digital: compilando plugins…")
  await buildPlugins()
  if (process.env.TIENDA_SKIP_APP_BUILD === "true") {
    return
  }
  console.log("Tienda Digital: compilando el backend, el panel y la tienda (una sola vez)…")
  const builds = []
  if (backendBuildIsStale()) {
    const t = Date.now()
    builds.push(buildBackend({ logFile: join(logs, "build-backend.log") }).then(() => console.log(`  backend y panel (${seconds(t)})`)))
  }
  if (storefrontBuildIsStale()) {
    const t = Date.now()
    builds.push(buildStorefront({ logFile: join(logs, "build-storefront.log") }).then(() => console.log(`  tienda (${seconds(t)})`)))
  }
  await Promise.all(builds)
  console.log(`Tienda Digital: compilación lista en ${seconds(t0)}`)
}

main().catch((e) => {
  console.error(`No se pudo compilar: ${e.message}`)
  process.exit(1)
})
