import { appRoutes, customRouteRules } from "../api/middlewares"
import { PLUGIN_MIDDLEWARES } from "../security"
import { buildOpenApiDocument, type OpenApiDocument } from "./document"
import { version } from "../../package.json"

let built: OpenApiDocument | undefined

/**
 * The OpenAPI 3.1 document of the application's own routes (ours and every
 * plugin's), built once from the route map and the middlewares the routes run.
 */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument({
    middlewares: { backend: { routes: appRoutes }, ...PLUGIN_MIDDLEWARES },
    rules: customRouteRules(),
    version,
  })
  return built
}
