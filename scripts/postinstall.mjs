#!/usr/bin/env node
// After `npm install`: build the plugins so the backend can load them.
// Skipped when TIENDA_SKIP_POSTINSTALL=true (e.g. Docker layers that build later).
import { buildPlugins } from "./build-plugins.mjs"

if (process.env.TIENDA_SKIP_POSTINSTALL === "true") {
  process.exit(0)
}
console.log("Tienda Digital: compilando plugins…")
buildPlugins().catch((e) => {
  console.error(`No se pudieron compilar los plugins: ${e.message}`)
  process.exit(1)
})
