import { spawn, type ChildProcess } from "node:child_process"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { AxeBuilder } from "@axe-core/playwright"
import { Client } from "pg"
import { chromium, type Browser, type Page } from "playwright-core"

/**
 * The admin dashboard (`/app`) as SHCP staff get it from `npm start`
 * (production build, demo seed), in a real Chromium: Spanish by default, the
 * menus of their roles only, the review queue with prices and confirmations,
 * confirmations before suspending or expiring a contract, a clear message for
 * a supplier's login, and no serious accessibility violation on the
 * project's own pages (docs/dashboard.md).
 */
jest.setTimeout(30 * 60 * 1000)

const root = join(__dirname, "..", "..")
const dataDir = join(root, ".cache", `e2e-dashboard-${process.pid}`)
const shots = join(root, ".cache", "e2e-screenshots")
const dbName = `tienda_e2e_dash_${process.pid}`
const pgBase = `postgres://${process.env.DB_USERNAME}:${process.env.DB_PASSWORD}@${process.env.DB_HOST}:${process.env.DB_PORT}`
const backendPort = 9300 + (process.pid % 100)
const backend = `http://localhost:${backendPort}`

let store: ChildProcess
let output = ""
let browser: Browser
let demo: { password: string; logins: { role: string; email: string; actor_type: string }[] }

const login = (role: string) => {
  const found = demo.logins.find((l) => l.role === role)
  if (!found) {
    throw new Error(`no demo login for ${role}`)
  }
  return found.email
}

beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(shots, { recursive: true })
  const admin = new Client({ connectionString: `${pgBase}/postgres` })
  await admin.connect()
  await admin.query(`drop database if exists "${dbName}"`)
  await admin.end()
  // the dashboard needs no storefront: skip its build and server
  store = spawn("node", ["scripts/start.mjs", "--no-storefront"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      LOG_LEVEL: "info",
      TIENDA_DATA_DIR: dataDir,
      DATABASE_URL: `${pgBase}/${dbName}`,
      PORT: String(backendPort),
      SIMULATOR_BASE_PORT: String(9600 + (process.pid % 100)),
    },
  })
  store.stdout?.on("data", (d) => (output += d))
  store.stderr?.on("data", (d) => (output += d))
  const deadline = Date.now() + 25 * 60_000
  while (!output.includes("Tienda Digital lista")) {
    if (store.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm start did not get ready:\n${output.slice(-4000)}`)
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  demo = JSON.parse(readFileSync(join(dataDir, "demo.json"), "utf8"))
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
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

/** A browser whose language is English: the dashboard must still open in Spanish. */
async function englishBrowser(): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1366, height: 900 } })
  return context.newPage()
}

async function signIn(page: Page, email: string) {
  await page.goto(`${backend}/app/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(demo.password)
  await page.locator('button[type="submit"]').click()
}

/** Logs in and waits until the shell knows the person's menus. */
async function dashboardAs(role: string): Promise<Page> {
  const page = await englishBrowser()
  await signIn(page, login(role))
  await page.waitForURL((u) => !u.pathname.endsWith("/login"), { timeout: 120_000 })
  await page.locator('html[data-tienda-menu="ready"]').waitFor({ state: "attached", timeout: 60_000 })
  return page
}

const navLink = (page: Page, path: string) => page.locator(`a[href="/app${path}"]`)
/** How many links to a section a person can see (Medusa renders a desktop and a mobile sidebar). */
const shown = (page: Page, path: string) => page.locator(`a[href="/app${path}"]:visible`).count()

/** Accessibility report of every page checked, written for the docs (Medusa's own pages are reported, not gated). */
const report: { page: string; ours: boolean; violations: { id: string; impact: string | null | undefined; nodes: number }[] }[] = []

async function axe(page: Page, name: string, ours: boolean) {
  // WCAG 2.1 A/AA; on our pages only the page's own content (Medusa's sidebar and top bar are Medusa's)
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
  const result = await (ours ? builder.include("main") : builder).analyze()
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))
  report.push({ page: name, ours, violations })
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }))
}

describe("the admin dashboard, as SHCP staff get it", () => {
  it("opens in Spanish for a person who never chose a language, even in an English browser", async () => {
    const page = await englishBrowser()
    await page.goto(`${backend}/app/login`)
    await page.getByText("Bienvenido a Medusa").waitFor({ timeout: 60_000 })
    expect(await page.locator("html").getAttribute("lang")).toBe("es-MX")
    // who the panel is for, above the form
    expect(await page.getByTestId("login-notice").textContent()).toContain("personal de la SHCP")
    await page.context().close()
  })

  it("tells a supplier's or an agency's account, in Spanish, that the dashboard is for SHCP staff", async () => {
    for (const role of ["supplier_user", "requiring_unit"]) {
      const page = await englishBrowser()
      await signIn(page, login(role))
      const alert = page.getByText("El panel de administración es solo para el personal de la SHCP", { exact: false })
      await alert.waitFor({ timeout: 60_000 })
      expect(await alert.textContent()).toContain(role === "supplier_user" ? "Tu cuenta es de proveedor" : "dependencia o entidad")
      expect(page.url()).toContain("/login")
      await page.context().close()
    }
  })

  it("shows the Master Contract Administrator only the menus of the role, never the shop's", async () => {
    const page = await dashboardAs("shcp_contract_admin")
    expect(await shown(page, "/orders")).toBeGreaterThan(0)
    expect(await shown(page, "/offer-requests")).toBeGreaterThan(0)
    for (const hidden of ["/promotions", "/price-lists", "/inventory", "/customers"]) {
      expect([hidden, await shown(page, hidden)]).toEqual([hidden, 0])
    }
    // Spanish after login, too: Medusa's own menu
    expect(((await page.locator('a[href="/app/orders"]:visible').first().textContent()) as string).trim()).toBe("Pedidos")
    // opening a hidden section by its address lands on the first allowed one
    await page.goto(`${backend}/app/price-lists`)
    await page.waitForURL((u) => u.pathname === "/app/orders", { timeout: 60_000 })
    await page.goto(`${backend}/app/settings`)
    await page.locator('a[href^="/app/settings/"]').first().waitFor({ state: "attached" })
    for (const hidden of ["/settings/sales-channels", "/settings/users", "/settings/secret-api-keys", "/settings/regions"]) {
      expect([hidden, await shown(page, hidden)]).toEqual([hidden, 0])
    }
    await page.screenshot({ path: join(shots, "dashboard-settings-menu.png") })
    await page.context().close()
  })

  it("hides what the planning official's role cannot read and lands on a page it can", async () => {
    const page = await dashboardAs("shcp_planning")
    await page.waitForURL((u) => u.pathname === "/app/framework-contracts", { timeout: 60_000 })
    for (const hidden of ["/orders", "/offer-requests", "/sanctions"]) {
      expect([hidden, await shown(page, hidden)]).toEqual([hidden, 0])
    }
    expect(await shown(page, "/framework-contracts")).toBeGreaterThan(0)
    await page.context().close()
  })

  it("shows the review queue with item, ceiling, prices and difference, and asks before approving or rejecting", async () => {
    const page = await dashboardAs("shcp_contract_admin")
    await page.goto(`${backend}/app/offer-requests`)
    const row = page.getByTestId("offer-request-row").first()
    await row.waitFor({ timeout: 60_000 })
    const previous = (await row.getByTestId("previous-price").textContent()) as string
    const proposed = (await row.getByTestId("proposed-price").textContent()) as string
    const difference = (await row.getByTestId("price-difference").textContent()) as string
    expect(previous).toMatch(/^\$[\d,]+\.\d{2}$/)
    expect(proposed).toMatch(/^\$[\d,]+\.\d{2}$/)
    expect(difference).toMatch(/^[+−]\$[\d,]+\.\d{2} \([+−][\d.,]+ %\)$/)
    expect(await row.textContent()).not.toContain("fcitem_")
    expect(await axe(page, "Solicitudes de ofertas", true)).toEqual([])

    // approving asks first; cancelling changes nothing
    await row.getByTestId("approve").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain("¿Aprobar la solicitud?")
    expect(await dialog.textContent()).toContain(`de ${previous} a ${proposed}`)
    await page.screenshot({ path: join(shots, "dashboard-review-confirm.png") })
    await dialog.getByRole("button", { name: "Cancelar" }).click()
    await dialog.waitFor({ state: "hidden" })
    const pending = await page.getByTestId("offer-request-row").count()
    expect(pending).toBeGreaterThan(0)

    // rejecting needs a reason, then asks, then happens
    await row.getByTestId("reject").click()
    await page.getByText("Escribe el motivo del rechazo").waitFor()
    await row.getByRole("textbox").fill("El precio propuesto no se justifica con el mercado.")
    await row.getByTestId("reject").click()
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain("¿Rechazar la solicitud?")
    await dialog.getByRole("button", { name: "Rechazar" }).click()
    await page.getByText("Solicitud rechazada").waitFor()
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="offer-request-row"]').length === n - 1, pending)
    await page.context().close()
  })

  it("asks before suspending a framework contract, and asks for its number before the irreversible expiry", async () => {
    const page = await dashboardAs("shcp_contract_admin")
    await page.goto(`${backend}/app/framework-contracts`)
    await page.getByRole("heading", { name: "Contratos marco" }).waitFor({ timeout: 60_000 })
    expect(await axe(page, "Contratos marco", true)).toEqual([])
    const first = page.locator('main table a[href^="/app/framework-contracts/"]').first()
    const number = ((await first.textContent()) as string).trim()
    await first.click()
    await page.getByTestId("status-suspended").waitFor({ timeout: 60_000 })
    expect(await axe(page, "Ficha de contrato marco", true)).toEqual([])
    const status = async () => (await page.locator("main").getByText("Publicado", { exact: true }).count()) > 0

    await page.getByTestId("status-suspended").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain(`¿Suspender el contrato marco ${number}?`)
    await dialog.getByRole("button", { name: "Cancelar" }).click()
    await dialog.waitFor({ state: "hidden" })
    expect(await status()).toBe(true)

    await page.getByTestId("status-expired").click()
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain("irreversible")
    const confirm = dialog.getByRole("button", { name: "Dar por vencido" })
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.getByRole("textbox").fill(number)
    expect(await confirm.isDisabled()).toBe(false)
    await page.screenshot({ path: join(shots, "dashboard-expire-confirm.png") })
    await dialog.getByRole("button", { name: "Cancelar" }).click()
    await dialog.waitFor({ state: "hidden" })
    expect(await status()).toBe(true)
    await page.context().close()
  })

  it("has no serious or critical accessibility violation on the project's pages (Medusa's own are reported)", async () => {
    // the system administrator reads organizations and people; the contract administrator the rest
    const admin = await dashboardAs("system_admin")
    await admin.waitForURL((u) => u.pathname === "/app/organizations", { timeout: 60_000 })
    expect(await navLink(admin, "/offer-requests").count()).toBeGreaterThan(0)
    expect(await shown(admin, "/offer-requests")).toBe(0)
    await admin.context().close()
    const page = await dashboardAs("shcp_contract_admin")
    const failures: unknown[] = []
    for (const [path, heading] of [
      ["/organizations", "Organizaciones"],
      ["/people", "Personas"],
      ["/requisitions", "Requisiciones"],
      ["/sanctions", "Proveedores sancionados"],
    ]) {
      await page.goto(`${backend}/app${path}`)
      await page.getByRole("heading", { name: heading }).waitFor({ timeout: 60_000 })
      const serious = await axe(page, heading, true)
      if (serious.length) {
        failures.push({ path, serious })
      }
    }
    for (const path of ["/orders", "/products", "/settings/store"]) {
      await page.goto(`${backend}/app${path}`)
      await page.locator("main").waitFor()
      await page.waitForLoadState("networkidle")
      await axe(page, `Medusa ${path}`, false)
    }
    writeFileSync(join(shots, "dashboard-axe-report.json"), JSON.stringify(report, null, 2))
    expect(failures).toEqual([])
    await page.context().close()
  })
})
