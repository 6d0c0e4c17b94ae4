import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getResolvedPlugins } from "@medusajs/framework/utils"
import { dirname, join } from "node:path"

export type RegisteredRoute = { method: string; matcher: string }

type RoutesLoaderClass = new () => {
  scanDir(dir: string): Promise<void>
  getRoutes(): { method: string; matcher: string }[]
}

/**
 * Every route × method the running application registers, found the way
 * Medusa finds them: its RoutesLoader over Medusa's own API directory and the
 * `api` directory of every resolved plugin (ours and the app itself), in
 * @medusajs/medusa's loaders/api order.
 */
export async function registeredRoutes(container: MedusaContainer, backendDir: string): Promise<RegisteredRoute[]> {
  const httpDir = dirname(require.resolve("@medusajs/framework/http"))
  const { RoutesLoader } = require(join(httpDir, "routes-loader.js")) as { RoutesLoader: RoutesLoaderClass }
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugins = await getResolvedPlugins(backendDir, configModule, true)
  const loader = new RoutesLoader()
  const dirs = [join(dirname(require.resolve("@medusajs/medusa")), "api"), ...plugins.map((p) => join(p.resolve, "api"))]
  for (const dir of dirs) {
    await loader.scanDir(dir)
  }
  const seen = new Set<string>()
  return loader
    .getRoutes()
    .map((r) => ({ method: r.method.toUpperCase(), matcher: r.matcher }))
    .filter((r) => {
      const key = `${r.method} ${r.matcher}`
      return seen.has(key) ? false : (seen.add(key), true)
    })
}
