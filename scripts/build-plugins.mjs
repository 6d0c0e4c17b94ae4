#!/usr/bin/env node
// Builds every plugin under plugins/* with `medusa plugin:build` when its
// build output is missing or older than its sources (`--force` rebuilds all).
import { readdirSync, existsSync, readFileSync, utimesSync, writeFileSync, mkdirSync } from "node:fs"
import { cpus } from "node:os"
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

/**
 * Builds the stale plugins, up to `parallel` at a time (default: one per
 * core, at most 4): a plugin starts once every @tienda plugin it depends on
 * is built, and is rebuilt when one of them was.
 */
export async function buildPlugins({ force = false, log = console.log, parallel = Math.max(1, Math.min(cpus().length, 4)) } = {}) {
  const dir = join(root, "plugins")
  const plugins = pluginsInBuildOrder(dir)
  const pkgOf = new Map(plugins.map((p) => [p, JSON.parse(readFileSync(join(dir, p, "package.json"), "utf8"))]))
  const folderOf = new Map([...pkgOf].map(([p, pkg]) => [pkg.name, p]))
  const depsOf = (p) => Object.keys({ ...pkgOf.get(p).dependencies, ...pkgOf.get(p).peerDependencies }).filter((d) => folderOf.has(d))
  const rebuilt = new Set()
  const done = new Map()

  async function build(p) {
    await Promise.all(depsOf(p).map((d) => done.get(folderOf.get(d))))
    const cwd = join(dir, p)
    const marker = join(cwd, ".medusa", "server", ".built")
    const dependsOnRebuilt = depsOf(p).some((d) => rebuilt.has(d))
    if (!force && !dependsOnRebuilt && !isStale(marker, [join(cwd, "src"), join(cwd, "package.json")])) {
      return
    }
    await slot(async () => {
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
      rebuilt.add(pkgOf.get(p).name)
      log(`  plugin ${p} built (${((Date.now() - t) / 1000).toFixed(1)} s)`)
    })
  }

  // a tiny semaphore: at most `parallel` builds at once
  let running = 0
  const waiting = []
  async function slot(fn) {
    if (running >= parallel) {
      await new Promise((resolve) => waiting.push(resolve))
    }
    running++
    try {
      return await fn()
    } finally {
      running--
      waiting.shift()?.()
    }
  }

  // in dependency order, so a plugin's dependencies are registered before it waits on them
  for (const p of plugins) {
    const promise = build(p)
    promise.catch(() => {})
    done.set(p, promise)
  }
  await Promise.all(done.values())
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildPlugins({ force: process.argv.includes("--force") }).catch((e) => {
    console.error(e.message)
    process.exit(1)
  })
}
