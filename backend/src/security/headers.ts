import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import helmet from "helmet"

/**
 * Security headers on every API answer: JSON is never a page, so no content
 * may load from it and nobody may frame it; no MIME sniffing, no referrer,
 * HSTS for the HTTPS deployments. The storefront sets its own CSP.
 */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  // the storefront (another origin) reads the API with CORS
  crossOriginResourcePolicy: { policy: "same-site" },
  referrerPolicy: { policy: "no-referrer" },
  xFrameOptions: { action: "deny" },
})

export function securityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  apiHeaders(req, res, next)
}
