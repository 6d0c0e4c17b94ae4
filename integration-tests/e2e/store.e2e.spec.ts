import { spawn, type ChildProcess } from "node:child_process"
import { mkdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Client } from "pg"
import { chromium, type Browser, type Page } from "playwright-core"

/**
 * The whole store as a user gets it from `npm start` (production build of
 * backend, admin and storefront; demo seed), driven in a real Chromium.
 * Included when a Chromium binary is available (see jest.config.js).
 */
jest.setTimeout(600 * 1000)

const root = join(__dirname, "..", "..")
const dataDir = join(root, ".cache", `e2e-${process.pid}`)
const shots = join(root, ".cache", "e2e-screenshots")
const dbName = `tienda_e2e_${process.pid}`
const pgBase = `postgres://${process.env.DB_USERNAME}:${process.env.DB_PASSWORD}@${process.env.DB_HOST}:${process.env.DB_PORT}`
const backendPort = 9400 + (process.pid % 100)
const storefrontPort = 8400 + (process.pid % 100)
const backend = `http://localhost:${backendPort}`
const storefront = `http://localhost:${storefrontPort}`

let store: ChildProcess
let output = ""
let browser: Browser
let demo: { password: string; logins: { role: string; email: string }[] }

async function waitReady() {
  const deadline = Date.now() + 540_000
  while (Date.now() < deadline) {
    if (output.includes("Tienda Digital lista")) {
      return
    }
    if (store.exitCode !== null) {
      break
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`npm start did not get ready:\n${output.slice(-4000)}`)
}

beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(shots, { recursive: true })
  const admin = new Client({ connectionString: `${pgBase}/postgres` })
  await admin.connect()
  await admin.query(`drop database if exists "${dbName}"`)
  await admin.end()
  store = spawn("node", ["scripts/start.mjs"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      LOG_LEVEL: "info",
      TIENDA_DATA_DIR: dataDir,
      DATABASE_URL: `${pgBase}/${dbName}`,
      PORT: String(backendPort),
      STOREFRONT_PORT: String(storefrontPort),
      SIMULATOR_BASE_PORT: String(9500 + (process.pid % 100)),
    },
  })
  store.stdout?.on("data", (d) => (output += d))
  store.stderr?.on("data", (d) => (output += d))
  await waitReady()
  demo = JSON.parse(readFileSync(join(dataDir, "demo.json"), "utf8"))
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
})

afterAll(async () => {
  await browser?.close()
  if (store?.pid && store.exitCode === null) {
    process.kill(-store.pid, "SIGINT")
    await new Promise((r) => store.once("exit", r))
  }
  const admin = new Client({ connectionString: `${pgBase}/postgres` })
  await admin.connect()
  await admin.query(`drop database if exists "${dbName}" with (force)`)
  await admin.end()
  rmSync(dataDir, { recursive: true, force: true })
})

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "es-MX", viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

describe("npm start, as a user sees it", () => {
  it("prints the URLs and one demo login per role", () => {
    expect(output).toContain(`http://localhost:${storefrontPort}`)
    expect(output).toContain(`http://localhost:${backendPort}/app`)
    const roles = demo.logins.map((l) => l.role)
    expect(new Set(roles).size).toBe(13)
  })

  it("serves the storefront home in Spanish with the catalog state", async () => {
    const page = await newPage()
    await page.goto(storefront)
    expect(await page.getAttribute("html", "lang")).toBe("es-MX")
    await expect(page.getByRole("heading", { name: "Catálogo de contratos marco" }).isVisible()).resolves.toBe(true)
    // every approved offer of the demo contracts is a published Medusa product
    const count = await page.getByTestId("catalog-count").textContent()
    expect(Number(count?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(600)
    expect(await page.getByTestId("catalog-grid").locator("li").count()).toBe(24)
    await page.screenshot({ path: join(shots, "storefront-home.png") })
    // the mobile layout must not scroll sideways
    await page.setViewportSize({ width: 375, height: 740 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.context().close()
  })

  it("lets the SHCP system administrator log in to the dashboard over plain http", async () => {
    const page = await newPage()
    const admin = demo.logins.find((l) => l.role === "system_admin") as { email: string }
    await page.goto(`${backend}/app`)
    await page.locator('input[name="email"]').fill(admin.email)
    await page.locator('input[name="password"]').fill(demo.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes("login"), { timeout: 60_000 })
    const cookies = await page.context().cookies(backend)
    expect(cookies.find((c) => c.name === "connect.sid")?.secure).toBe(false)

    await page.goto(`${backend}/app/organizations`)
    await page.getByRole("heading", { name: "Organizaciones" }).waitFor({ timeout: 60_000 })
    await page.getByText("Secretaría de Salud", { exact: true }).waitFor()
    await page.screenshot({ path: join(shots, "admin-organizations.png") })
    await page.context().close()
  })

  it("refuses a wrong password in the dashboard", async () => {
    const page = await newPage()
    await page.goto(`${backend}/app`)
    await page.locator('input[name="email"]').fill("admin@shcp.demo.gob.mx")
    await page.locator('input[name="password"]').fill("no-es-la-contrasena")
    await page.locator('button[type="submit"]').click()
    await page.waitForTimeout(2000)
    expect(page.url()).toContain("login")
    await page.context().close()
  })
})
