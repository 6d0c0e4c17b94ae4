#!/usr/bin/env node
// Builds every plugin under plugins/* with `medusa plugin:build` when its
// build output is missing or older than its sources (`--force` rebuilds all).
import { readdirSync, existsSync, utimesSync, writeFileSync, mkdirSync } from "node:fs"
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { run } from "./lib/proc.mjs"
import { isStale } from "./lib/freshness.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

export async function buildPlugins({ force = false, log = console.log } = {}) {
  const dir = join(root, "plugins")
  const plugins = existsSync(dir) ? readdirSync(dir).filter((p) => existsSync(join(dir, p, "package.json"))) : []
  for (const p of plugins) {
    const cwd = join(dir, p)
    const marker = join(cwd, ".medusa", "server", ".built")
    if (!force && !isStale(marker, [join(cwd, "src"), join(cwd, "package.json")])) {continue}
    const t = Date.now()
    await run("npx", ["medusa", "plugin:build"], {
      cwd,
      env: { MEDUSA_DISABLE_TELEMETRY: "true" },
      logFile: join(root, ".cache", "logs", `build-${p}.log`),
    })
    mkdirSync(dirname(marker), { recursive: true })
    writeFileSync(marker, new Date().toISOString())
    const now = new Date()
    utimesSync(marker, now, now)
    log(`  plugin ${p} built (${((Date.now() - t) / 1000).toFixed(1)} s)`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildPlugins({ force: process.argv.includes("--force") }).catch((e) => {
    console.error(e.message)
    process.exit(1)
  })
}
