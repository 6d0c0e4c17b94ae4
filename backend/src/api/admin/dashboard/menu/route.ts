import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { dashboardMenu, RouteMap } from "../../../../security"
import { routeRules } from "../../../middlewares"

let map: RouteMap | undefined

/**
 * The dashboard's sections the caller sees: computed from the same route map
 * the guard enforces, so a menu is shown only where its page can load
 * (docs/dashboard.md). The dashboard shell extension hides the others.
 */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  map ??= new RouteMap(routeRules())
  const sections = dashboardMenu(map, req.access)
  res.json({ sections, hidden: sections.filter((s) => !s.visible).map((s) => s.path) })
}
