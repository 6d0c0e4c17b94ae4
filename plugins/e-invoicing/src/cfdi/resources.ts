import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"

let cached: string | null = null

/** The plugin is installed without its resources folder (a packaging error). */
export class SatResourcesMissing extends Error {}

/**
 * The plugin's `resources/sat` folder (SAT schemas, the generated catCFDI.xsd
 * and the compiled cadena original stylesheets), found from the source tree
 * (tests) and from the build output (.medusa/server/src/…) alike.
 */
export function satResourcesDir(): string {
  if (cached) {
    return cached
  }
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, "package.json")
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "@tienda/e-invoicing") {
      cached = join(dir, "resources", "sat")
      return cached
    }
    dir = dirname(dir)
  }
  throw new SatResourcesMissing("No se encontró la carpeta resources/sat de @tienda/e-invoicing.")
}

/** Reads a file of `resources/sat` as UTF-8 text. */
export function readSatResource(relativePath: string): string {
  return readFileSync(join(satResourcesDir(), relativePath), "utf8")
}
