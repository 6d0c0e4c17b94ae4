// Decides whether a build output is older than its sources, by mtime.
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"

const SKIP = new Set(["node_modules", ".medusa", ".next", ".cache", ".data", "dist", "__tests__"])

export function newestMtime(paths) {
  let newest = 0
  const walk = (p) => {
    if (!existsSync(p)) {
      return
    }
    const st = statSync(p)
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) {
        if (!SKIP.has(e)) {
          walk(join(p, e))
        }
      }
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs
    }
  }
  paths.forEach(walk)
  return newest
}

export function isStale(output, sources) {
  if (!existsSync(output)) {
    return true
  }
  return newestMtime(sources) > statSync(output).mtimeMs
}
