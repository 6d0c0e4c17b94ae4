#!/usr/bin/env node
// Builds every plugin under plugins/* with `medusa plugin:build` when its
// build output is missing or older than its sources (`--force` rebuilds all).
import { readdirSync, existsSync, readFileSync, utimesSync, writeFileSync, mkdirSync } from "node:fs"
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { run } from "./lib/proc.mjs"
import { isStale } from "./lib/freshness.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

/**
 * Plugin folders in build order: a plugin that depends on another @tienda
 * plugin (for its types and exports) is built after it.
 */
export function pluginsInBuildOrder(dir) {
  const folders = existsSync(dir) ? readdirSync(dir).filter((p) => existsSync(join(dir, p, "package.json"))) : []
  const pkgs = new Map(folders.map((f) => [f, JSON.parse(readFileSync(join(dir, f, "package.json"), "utf8"))]))
  const byName = new Map([...pkgs].map(([f, pkg]) => [pkg.name, f]))
  const ordered = []
  const visit = (f, path = []) => {
    if (ordered.includes(f)) {
      return
    }
    if (path.includes(f)) {
      throw new Error(`Dependencia circular entre plugins: ${[...path, f].join(" → ")}`)
    }
    const deps = Object.keys({ ...pkgs.get(f).dependencies, ...pkgs.get(f).peerDependencies })
    for (const d of deps) {
      if (byName.has(d)) {
        visit(byName.get(d), [...path, f])
      }
    }
    ordered.push(f)
  }
  folders.sort().forEach((f) => visit(f))
  return ordered
}

export async function buildPlugins({ force = false, log = console.log } = {}) {
  const dir = join(root, "plugins")
  const plugins = pluginsInBuildOrder(dir)
  const rebuilt = new Set()
  for (const p of plugins) {
    const cwd = join(dir, p)
    const marker = join(cwd, ".medusa", "server", ".built")
    const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"))
    const dependsOnRebuilt = Object.keys(pkg.dependencies ?? {}).some((d) => rebuilt.has(d))
    if (!force && !dependsOnRebuilt && !isStale(marker, [join(cwd, "src"), join(cwd, "package.json")])) {
      continue
    }
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
    rebuilt.add(pkg.name)
    log(`  plugin ${p} built (${((Date.now() - t) / 1000).toFixed(1)} s)`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildPlugins({ force: process.argv.includes("--force") }).catch((e) => {
    console.error(e.message)
    process.exit(1)
  })
}
