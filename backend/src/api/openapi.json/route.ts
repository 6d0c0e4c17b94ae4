import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openApiDocument } from "../../openapi/app"

/** The OpenAPI 3.1 document of Tienda Digital's own routes (public; docs/api.md). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("cache-control", "public, max-age=300")
  res.json(openApiDocument())
}
