import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { buildModules, assertProductionSecrets, jwtVerification, resolveWorkerMode } from "./src/config"
import { installFrontDoor } from "./src/security/front-door"

loadEnv(process.env.NODE_ENV || "development", process.cwd())
assertProductionSecrets(process.env)
// the dashboard's no-framing headers and Spanish bodies for Medusa's own 401s,
// ahead of everything Medusa mounts on the Express app (docs/security.md)
installFrontDoor()

const redisUrl = process.env.REDIS_URL || undefined

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions:
      process.env.DATABASE_SSL === "true" ? { connection: { ssl: { rejectUnauthorized: false } } } : { connection: { ssl: false } },
    redisUrl,
    workerMode: resolveWorkerMode(process.env.MEDUSA_WORKER_MODE),
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      ...jwtVerification(process.env),
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    cookieOptions: {
      // Plain-http localhost demo: a Secure cookie would never be sent back.
      secure: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === "true" : process.env.NODE_ENV === "production",
      sameSite: "lax",
    },
  },
  admin: {
    disable: process.env.DISABLE_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  plugins: [
    { resolve: "@tienda/organizations", options: {} },
    { resolve: "@tienda/framework-contracts", options: {} },
    {
      resolve: "@tienda/search",
      options: {
        meilisearch: process.env.MEILISEARCH_HOST
          ? { host: process.env.MEILISEARCH_HOST, apiKey: process.env.MEILISEARCH_API_KEY, index: process.env.MEILISEARCH_INDEX }
          : null,
        facetExactLimit: process.env.SEARCH_FACET_EXACT_LIMIT ? Number(process.env.SEARCH_FACET_EXACT_LIMIT) : undefined,
      },
    },
    {
      resolve: "@tienda/budget",
      options: {
        sicopSiaffUrl: process.env.SICOP_SIAFF_URL || "http://localhost:9100",
        timeoutMs: Number(process.env.SICOP_SIAFF_TIMEOUT_MS || 2000),
        token: process.env.SIMULATOR_TOKEN || undefined,
      },
    },
    { resolve: "@tienda/contracts", options: {} },
    {
      resolve: "@tienda/requisitions",
      options: {
        requireEfirma: process.env.REQUISITIONS_REQUIRE_EFIRMA,
        notificationChannel: process.env.REQUISITIONS_NOTIFICATION_CHANNEL,
      },
    },
    { resolve: "@tienda/mini-competition", options: { sealKey: process.env.MINI_COMPETITION_SEAL_KEY || null } },
    {
      resolve: "@tienda/e-invoicing",
      options: {
        satUrl: process.env.SAT_URL || "http://localhost:9101",
        satTimeoutMs: Number(process.env.SAT_TIMEOUT_MS || 5000),
        satToken: process.env.SIMULATOR_TOKEN || undefined,
        // own-resources agencies pay through Medusa's Stripe provider when STRIPE_API_KEY is set (docs/e-invoicing.md)
        stripeApiKey: process.env.STRIPE_API_KEY || undefined,
        stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET || undefined,
        stripeApiBase: process.env.STRIPE_API_BASE || undefined,
      },
    },
    {
      resolve: "@tienda/transparency",
      options: {
        ocidPrefix: process.env.OCDS_OCID_PREFIX || null,
        publisherName: process.env.OCDS_PUBLISHER_NAME || null,
        publicBaseUrl: process.env.OCDS_PUBLIC_BASE_URL || null,
      },
    },
  ],
  modules: [{ key: "ops", resolve: "./src/modules/ops" }, ...buildModules(process.env)],
})
