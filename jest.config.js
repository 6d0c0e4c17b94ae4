// One Jest run, three projects: pure unit tests, module tests (Medusa's
// moduleIntegrationTestRunner) and HTTP/workflow tests against the real app
// (medusaIntegrationTestRunner, real PostgreSQL). The global setup starts an
// embedded PostgreSQL unless DB_HOST or DATABASE_URL points at a server.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true, tsx: true },
      target: "es2021",
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  },
]

const { existsSync } = require("node:fs")
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p))

const common = {
  rootDir: __dirname,
  testEnvironment: "node",
  transform: { "^.+\\.[jt]sx?$": swc },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.*/\\.medusa/", "<rootDir>/\\.data/", "<rootDir>/\\.cache/", "<rootDir>/storefront/\\.next/"],
  cacheDirectory: "<rootDir>/.cache/jest",
}

module.exports = {
  cacheDirectory: "<rootDir>/.cache/jest",
  globalSetup: "<rootDir>/integration-tests/setup/global-setup.js",
  globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.js",
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/{plugins/*/src,simulators/*/src,backend/src,seed/src,scripts,storefront/src/lib}/**/*.unit.spec.[jt]s"],
    },
    {
      ...common,
      displayName: "modules",
      testMatch: ["<rootDir>/plugins/*/src/modules/*/__tests__/**/*.spec.ts"],
    },
    {
      ...common,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
    },
    // Browser journeys need a Chromium (CI installs Debian's; CHROMIUM_PATH overrides).
    ...(chromium
      ? [
          {
            ...common,
            displayName: "e2e",
            testMatch: ["<rootDir>/integration-tests/e2e/**/*.e2e.spec.ts"],
          },
        ]
      : []),
    // Process tests spawn `medusa start` children; the server + worker
    // topology (worker-mode.spec.ts) needs a real Redis: included when REDIS_URL is set.
    {
      ...common,
      displayName: "processes",
      testMatch: ["<rootDir>/integration-tests/processes/**/*.spec.ts"],
      testPathIgnorePatterns: process.env.REDIS_URL ? ["/node_modules/"] : ["/node_modules/", "/worker-mode\\.spec\\.ts$"],
    },
  ],
}
