import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { join } from "node:path"
import { randomUUID } from "node:crypto"
import { cloneMigratedTemplate } from "./template-db"
import { createWorld, type World } from "./world"

// Sized for a slow machine, not this one: a hook or test that hangs still
// fails, but a VM 2.5× slower (or two suites side by side) never times out a
// test that works. Speed is measured by `npm run bench`, never by timeouts.
jest.setTimeout(10 * 60 * 1000)

type Ctx = {
  /** Set in beforeAll; the DB is restored to this state before each test. */
  world: () => World
  container: () => MedusaContainer
  baseUrl: () => string
}

/**
 * Starts the real Medusa app (backend/medusa-config.ts, all plugins, real
 * PostgreSQL) once per file, builds the world of one actor per role, and
 * restores the database to that state before every test.
 */
export function describeApp(name: string, suite: (ctx: Ctx) => void, options: { env?: Record<string, string> } = {}) {
  const dbName = `tienda-test-${randomUUID().slice(0, 8)}`
  medusaIntegrationTestRunner({
    inApp: true,
    dbName,
    // Runs before the runner creates (when missing) and migrates the database.
    hooks: { beforeServerStart: () => cloneMigratedTemplate(dbName) },
    cwd: join(__dirname, "..", "..", "backend"),
    env: { MEDUSA_DISABLE_TELEMETRY: "true", DISABLE_ADMIN: "true", ...options.env },
    testSuite: ({ api, getContainer }) => {
      let world: World
      describe(name, () => {
        beforeAll(async () => {
          world = await createWorld(getContainer(), api.defaults.baseURL as string)
        })
        suite({
          world: () => world,
          container: () => getContainer(),
          baseUrl: () => api.defaults.baseURL as string,
        })
      })
    },
  })
}
