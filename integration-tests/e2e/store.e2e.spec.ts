import { spawn, type ChildProcess } from "node:child_process"
import { createHash } from "node:crypto"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { issueCertificate, loadTestCaDirectory } from "@tienda/contracts/efirma"
import { Client } from "pg"
import { AxeBuilder } from "@axe-core/playwright"
import { chromium, type Browser, type Page } from "playwright-core"

/**
 * The whole store as a user gets it from `npm start` (production build of
 * backend, admin and storefront; demo seed), driven in a real Chromium.
 * Included when a Chromium binary is available (see jest.config.js).
 */
// npm start on a fresh database (migrations, demo seed, two builds) takes ~4 min here
// beside another suite, and 2.5× that on slow VMs: size for the slow one.
jest.setTimeout(30 * 60 * 1000)

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
let demo: {
  password: string
  publishable_key: string
  logins: { role: string; email: string; actor_type: string }[]
  walkthrough: { step: string; email: string }[]
}

async function waitReady() {
  const deadline = Date.now() + 25 * 60_000
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

/** Scripts or other content a page's Content-Security-Policy refused, on any page of the journey. */
const cspViolations: string[] = []

function watchCsp(page: Page): Page {
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().includes("Content Security Policy")) {
      cspViolations.push(`${page.url()}: ${m.text()}`)
    }
  })
  return page
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "es-MX", viewport: { width: 1280, height: 900 } })
  return watchCsp(await context.newPage())
}

/**
 * @axe-core/playwright (WCAG 2.1 A/AA rules) on the page as it is now: no
 * serious or critical violation (the pages of issue 17's later journeys).
 */
async function axeClean(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  const bad = r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }))
  expect({ url: page.url(), violations: bad }).toEqual({ url: page.url(), violations: [] })
}

/** A phone: 375 px wide, touch, mobile viewport rules. */
async function newPhonePage(): Promise<Page> {
  const context = await browser.newContext({
    locale: "es-MX",
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })
  return watchCsp(await context.newPage())
}

describe("npm start, as a user sees it", () => {
  it("prints the URLs and one demo login per role", () => {
    expect(output).toContain(`http://localhost:${storefrontPort}`)
    expect(output).toContain(`http://localhost:${backendPort}/app`)
    const roles = demo.logins.map((l) => l.role)
    expect(new Set(roles).size).toBe(13)
    // who acts at each step of a requisition, the approvers never the requester
    expect(output).toContain("Recorrido de una requisición, del carrito al pedido")
    const walk = demo.walkthrough
    expect(walk.filter((w) => w.step.startsWith("Paso")).length).toBe(3)
    for (const w of walk) {
      expect(output).toContain(w.email)
    }
    expect(walk.slice(1, 4).map((w) => w.email)).not.toContain(walk[0].email)
  })

  it("serves the storefront home in Spanish with the catalog state", async () => {
    const page = await newPage()
    const res = await page.goto(storefront)
    expect(await page.getAttribute("html", "lang")).toBe("es-MX")
    // scripts run only with this page view's nonce: no inline script without it
    const scriptSrc =
      (res?.headers()["content-security-policy"] ?? "")
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("script-src ")) ?? ""
    const nonce = /'nonce-([A-Za-z0-9+/=]{20,})'/.exec(scriptSrc)?.[1]
    expect(nonce).toBeDefined()
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'")
    // Next.js put it on its own scripts (the page hydrates: see the search tests), and the next view gets another
    expect(await page.evaluate((n) => [...document.scripts].filter((x) => x.nonce === n).length, nonce)).toBeGreaterThan(0)
    const again = (await fetch(storefront)).headers.get("content-security-policy") ?? ""
    expect(again).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/)
    expect(again).not.toContain(`'nonce-${nonce}'`)
    await expect(page.getByRole("heading", { name: "Catálogo de contratos marco" }).isVisible()).resolves.toBe(true)
    // every approved offer of the demo contracts is a published Medusa product
    const count = await page.getByTestId("catalog-count").textContent()
    expect(Number(count?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(600)
    expect(await page.getByTestId("catalog-grid").locator("li").count()).toBe(24)
    // each card: the offer's price with IVA (the store's price before IVA × 1.16, SAT rounding) and a link to its item page
    const regions = (await api<{ regions: { id: string; currency_code: string }[] }>("/store/regions")).body.regions
    const region = regions.find((r) => r.currency_code === "mxn") ?? regions[0]
    const listed = await api<{
      products: {
        title: string
        metadata: { framework_item_id: string; iva_treatment: string }
        variants: { calculated_price: { calculated_amount: number } }[]
      }[]
    }>(`/store/products?limit=24&region_id=${region.id}&fields=${encodeURIComponent("id,title,metadata,*variants.calculated_price")}`)
    const product = listed.body.products[0]
    const card = page.getByTestId("catalog-card").first()
    const before = Math.round(product.variants[0].calculated_price.calculated_amount * 100)
    const withIva = product.metadata.iva_treatment === "tasa_16" ? Math.floor((before * 116 + 50) / 100) : before
    expect(await card.getByTestId("catalog-card-price").getAttribute("data-amount")).toBe(
      `${Math.floor(withIva / 100)}.${String(withIva % 100).padStart(2, "0")}`,
    )
    expect(await card.getByTestId("catalog-card-price").textContent()).toMatch(/^desde \$[\d,]+\.\d{2} con IVA$/)
    expect(await card.getByTestId("catalog-card-link").textContent()).toBe(product.title)
    expect(await card.getByTestId("catalog-card-link").getAttribute("href")).toBe(`/articulos/${product.metadata.framework_item_id}`)
    expect(await page.getByTestId("catalog-card-price").count()).toBe(24)
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
    const res = await page.goto(`${backend}/app`)
    // nobody may frame the dashboard (the backend's front door, ahead of Medusa's dashboard router)
    expect(res?.headers()["x-frame-options"]).toBe("DENY")
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'")
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

/** Password of every demo `.key` the seed writes (docs/efirma.md, seed/src/steps/efirma.ts). */
const DEMO_KEY_PASSWORD = "eFirma-Demo-2026"

type Contract = {
  id: string
  number: string
  status: string
  document_sha256: string
  pdf_sha256: string
  signatures: { role: string; certificate_serial: string }[]
}

/** The store API as a script sees it (to set up and to check what the browser did). */
async function api<T>(path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${backend}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": demo.publishable_key,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

async function apiLogin(actor: string, email: string): Promise<string> {
  const r = await api<{ token: string }>(`/auth/${actor}/emailpass`, undefined, { email, password: demo.password })
  expect(r.status).toBe(200)
  return r.body.token
}

describe("signing a specific contract with e.firma in the storefront, on a phone", () => {
  let buyer: { email: string }
  let rep: { email: string }
  let files: Record<string, { cer: string; key: string; serial: string }>
  const efirmaDir = () => join(dataDir, "efirma-demo")
  const fileOf = (email: string, kind: "cer" | "key") => join(efirmaDir(), files[email][kind])

  beforeAll(() => {
    buyer = demo.logins.find((l) => l.role === "purchasing_unit") as { email: string }
    rep = demo.logins.find((l) => l.role === "supplier_user") as { email: string }
    // the seed issues each printed signer an e.firma from the project's test CA
    files = JSON.parse(readFileSync(join(efirmaDir(), "index.json"), "utf8"))
    expect(files[buyer.email] && files[rep.email]).toBeTruthy()
  })

  async function login(page: Page, email: string, account: "customer" | "supplier") {
    await page.goto(`${storefront}/contratos`)
    // not logged in: the list sends to the login page and back
    await page.waitForURL((u) => u.pathname === "/ingresar")
    expect(new URL(page.url()).searchParams.get("siguiente")).toBe("/contratos")
    await page.getByTestId("login-account").selectOption(account)
    await page.getByTestId("login-email").fill(email)
    await page.getByTestId("login-password").fill(demo.password)
    await page.getByTestId("login-submit").click()
    await page.waitForURL((u) => u.pathname === "/contratos")
  }

  async function attempt(page: Page, cer: string, serial: string, key: string, password: string) {
    await page.getByTestId("cer-input").setInputFiles(cer)
    // the page read this certificate (holder, RFC, serial shown) before the key is chosen
    await page.getByTestId("certificate-info").filter({ hasText: serial }).waitFor()
    await page.getByTestId("key-input").setInputFiles(key)
    await page.getByTestId("key-password").fill(password)
    await page.getByTestId("consent").check()
    await page.getByTestId("sign-submit").click()
  }

  async function refusal(page: Page) {
    const alert = page.getByTestId("signing-error")
    await alert.waitFor()
    return { code: await page.getByTestId("signing-error-code").textContent(), text: await alert.textContent() }
  }

  it("signs in the browser: wrong password, another key and an unregistered certificate are refused, then the signature is stored", async () => {
    const token = await apiLogin("customer", buyer.email)
    const me = (await api<{ profile: { rfc: string; full_name: string } }>("/store/me", token)).body.profile
    const listed = await api<{ specific_contracts: Contract[] }>("/store/specific-contracts?status=pending_signatures", token)
    const seeded = listed.body.specific_contracts[0]
    expect(seeded).toBeTruthy()

    // a valid e.firma of the same person, from the trusted test CA, but not registered in the store
    const caDir = join(dataDir, "efirma-test-ca")
    const unregistered = issueCertificate(
      loadTestCaDirectory(caDir).ca,
      { rfc: me.rfc, name: me.full_name },
      { password: "Otra-eFirma-2026" },
    )
    const tmp = join(dataDir, "e2e-efirma")
    mkdirSync(tmp, { recursive: true })
    writeFileSync(join(tmp, "nueva.cer"), unregistered.cer_der)
    writeFileSync(join(tmp, "nueva.key"), unregistered.key_der)

    const page = await newPhonePage()
    const bodies: string[] = []
    page.on("request", (r) => {
      if (r.method() !== "GET") {
        bodies.push(`${r.headers()["content-type"] ?? ""}\n${r.postData() ?? ""}`)
      }
    })
    await login(page, buyer.email, "customer")
    await page.getByTestId(`sign-${seeded.number}`).click()
    await page.waitForURL((u) => u.pathname === `/contratos/${seeded.id}/firmar`)
    expect(await page.getByTestId("contract-number").textContent()).toBe(seeded.number)
    expect(await page.getByTestId("document-hash").textContent()).toBe(seeded.document_sha256)
    // the browser recomputed the digest of the document it shows
    await page.locator('[data-testid="integrity"][data-state="ok"]').waitFor()
    // the document itself is shown (the server's HTML, in a sandboxed frame)
    const documentTitle = page.frameLocator('[data-testid="contract-document"]').locator("h1")
    expect(await documentTitle.textContent()).toContain(seeded.number)

    // 1. wrong password: refused on the device
    await attempt(page, fileOf(buyer.email, "cer"), files[buyer.email].serial, fileOf(buyer.email, "key"), "no-es-la-clave")
    let r = await refusal(page)
    expect(r.code).toBe("CONTRASENA_INCORRECTA")
    expect(r.text).toContain("la contraseña es incorrecta")
    expect(r.text).toContain("No se envió nada al servidor")
    await page.screenshot({ path: join(shots, "storefront-sign-wrong-password-mobile.png"), fullPage: true })

    // 2. the right password but another person's key for this certificate
    await attempt(page, fileOf(buyer.email, "cer"), files[buyer.email].serial, fileOf(rep.email, "key"), DEMO_KEY_PASSWORD)
    r = await refusal(page)
    expect(r.code).toBe("LLAVE_NO_CORRESPONDE")
    expect(r.text).toContain("no corresponde al certificado")

    // 3. signed on the device, refused by the server: the certificate is not registered to the person
    await attempt(page, join(tmp, "nueva.cer"), unregistered.serial, join(tmp, "nueva.key"), "Otra-eFirma-2026")
    r = await refusal(page)
    expect(r.code).toBe("CERTIFICADO_NO_REGISTRADO")
    expect(r.text).toContain(`El certificado ${unregistered.serial} no está registrado a tu nombre`)
    expect(r.text).toContain("El servidor rechazó la firma")

    // nothing was signed
    let stored = (await api<{ specific_contract: Contract }>(`/store/specific-contracts/${seeded.id}`, token)).body.specific_contract
    expect(stored.status).toBe("pending_signatures")
    expect(stored.signatures).toEqual([])

    // 4. the person's own e.firma
    await attempt(page, fileOf(buyer.email, "cer"), files[buyer.email].serial, fileOf(buyer.email, "key"), DEMO_KEY_PASSWORD)
    await page.getByTestId("signing-done").waitFor()
    expect(await page.getByTestId("signing-done").textContent()).toContain(`con el certificado ${files[buyer.email].serial}`)
    expect(await page.getByTestId("signing-done-status").textContent()).toContain("Falta la firma de la otra parte")
    expect(await page.getByTestId("signatures").locator("li").count()).toBe(1)
    await page.screenshot({ path: join(shots, "storefront-contract-signed-mobile.png"), fullPage: true })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)

    stored = (await api<{ specific_contract: Contract }>(`/store/specific-contracts/${seeded.id}`, token)).body.specific_contract
    expect(stored.status).toBe("partially_signed")
    expect(stored.signatures.map((s) => [s.role, s.certificate_serial])).toEqual([["agency_signer", files[buyer.email].serial]])

    // only the certificate and the signature left the browser: never a .key or a password
    const keyB64 = [buyer.email, rep.email].map((e) => readFileSync(fileOf(e, "key")).toString("base64"))
    const cerB64 = readFileSync(fileOf(buyer.email, "cer")).toString("base64")
    expect(bodies.some((b) => b.includes(cerB64))).toBe(true)
    for (const b of bodies) {
      for (const secret of [DEMO_KEY_PASSWORD, "no-es-la-clave", "Otra-eFirma-2026", unregistered.key_der.toString("base64"), ...keyB64]) {
        expect(b).not.toContain(secret)
      }
      // no file was uploaded (the login form is the only multipart post, without files)
      expect(b).not.toContain("filename=")
    }

    // the PDF link serves the stored PDF through the session
    const pdf = await page.request.get(`${storefront}/contratos/${seeded.id}/pdf`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()["content-type"]).toBe("application/pdf")
    expect(
      createHash("sha256")
        .update(await pdf.body())
        .digest("hex"),
    ).toBe(stored.pdf_sha256)

    // back on the list, nothing is pending for this person any more
    await page.goto(`${storefront}/contratos`)
    await page.getByTestId("contracts-empty").waitFor()
    await page.context().close()
  })

  it("lets the supplier's representative sign second, from the same screen, bringing the contract into force", async () => {
    const token = await apiLogin("customer", buyer.email)
    const seeded = (await api<{ specific_contracts: Contract[] }>("/store/specific-contracts?status=partially_signed", token)).body
      .specific_contracts[0]
    const page = await newPhonePage()
    await login(page, rep.email, "supplier")
    await page.getByTestId(`sign-${seeded.number}`).click()
    await page.locator('[data-testid="integrity"][data-state="ok"]').waitFor()
    await attempt(page, fileOf(rep.email, "cer"), files[rep.email].serial, fileOf(rep.email, "key"), DEMO_KEY_PASSWORD)
    await page.getByTestId("signing-done").waitFor()
    expect(await page.getByTestId("signing-done-status").textContent()).toContain("Entró en vigor:")
    expect(await page.getByTestId("signatures").locator("li").count()).toBe(2)
    const stored = (await api<{ specific_contract: Contract }>(`/store/specific-contracts/${seeded.id}`, token)).body.specific_contract
    expect(stored.status).toBe("in_force")
    // a second visit shows the signature instead of the form
    await page.reload()
    await page.getByTestId("already-signed").waitFor()
    expect(await page.getByTestId("signing-form").count()).toBe(0)
    await page.context().close()
  })
})

describe("delivering an order in the storefront: the supplier ships, the Reception Manager receives", () => {
  // runs after the signing journey above: its contract came into force and released an order
  let rep: { email: string }
  let receiver: { email: string }

  beforeAll(() => {
    rep = demo.logins.find((l) => l.role === "supplier_user") as { email: string }
    receiver = demo.logins.find((l) => l.role === "reception_manager") as { email: string }
  })

  async function loginAt(page: Page, path: string, email: string, account: "customer" | "supplier") {
    await page.goto(`${storefront}${path}`)
    await page.waitForURL((u) => u.pathname === "/ingresar")
    await page.getByTestId("login-account").selectOption(account)
    await page.getByTestId("login-email").fill(email)
    await page.getByTestId("login-password").fill(demo.password)
    await page.getByTestId("login-submit").click()
    await page.waitForURL((u) => u.pathname === path)
  }

  it("lists the order for the supplier, refuses an incomplete or excessive shipment, records one; the Reception Manager receives it partially with a reason", async () => {
    const supplierToken = await apiLogin("supplier", rep.email)
    type Order = {
      id: string
      specific_contract: { number: string }
      items: { title: string; metadata: { contract_line: number }; detail: { quantity: number } }[]
    }
    const orders = (await api<{ orders: Order[] }>("/supplier/orders", supplierToken)).body.orders
    expect(orders.length).toBeGreaterThanOrEqual(1)
    const order = orders[0]
    const line = order.items[0]
    const ordered = Number(line.detail.quantity)
    const n = line.metadata.contract_line

    // the supplier: menu, the order, its lines
    const page = await newPage()
    await loginAt(page, "/proveedor/pedidos", rep.email, "supplier")
    expect(await page.getByTestId("nav-orders").isVisible()).toBe(true)
    expect(await page.getByTestId("nav-receptions").count()).toBe(0)
    await page.locator(`[data-testid="order-row"][data-contract="${order.specific_contract.number}"]`).getByTestId("order-link").click()
    await page.waitForURL((u) => u.pathname === `/proveedor/pedidos/${order.id}`)
    expect(await page.getByTestId("order-contract").textContent()).toBe(order.specific_contract.number)
    expect(await page.getByTestId("order-line").count()).toBe(order.items.length)
    await page.getByTestId("shipments-empty").waitFor()

    // the supplier acknowledges the order first: without a date it is refused in the storefront, nothing sent
    await page.getByTestId("ack-submit").click()
    await page.getByTestId("ack-error").waitFor()
    expect(await page.getByTestId("ack-error-code").textContent()).toBe("DATOS_INVALIDOS")
    expect(await page.getByTestId("ack-date-error").textContent()).toBe("Elige una fecha de entrega válida (aaaa-mm-dd).")
    type AckedOrder = { order: { metadata: Record<string, unknown> | null } }
    expect((await api<AckedOrder>(`/supplier/orders/${order.id}`, supplierToken)).body.order.metadata?.acknowledged_at).toBeUndefined()
    await axeClean(page)
    const promised = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    await page.getByTestId("ack-date").fill(promised)
    await page.getByTestId("ack-note").fill("Entregamos en una sola exhibición.")
    await page.getByTestId("ack-submit").click()
    // the page shows the stored promise in place of the form
    await page.getByTestId("ack-done").waitFor()
    expect(await page.getByTestId("ack-panel").count()).toBe(0)
    expect((await api<AckedOrder>(`/supplier/orders/${order.id}`, supplierToken)).body.order.metadata).toMatchObject({
      promised_delivery_date: promised,
      acknowledgement_note: "Entregamos en una sola exhibición.",
    })
    // once: a second acknowledgement is refused by the API
    const again = await api<{ code: string }>(`/supplier/orders/${order.id}/acknowledge`, supplierToken, {
      promised_delivery_date: promised,
    })
    expect(again.body.code).toBe("PEDIDO_YA_CONFIRMADO")

    // no delivery note: refused in the storefront, nothing sent
    await page.getByTestId(`shipment-quantity-${n}`).fill("1")
    await page.getByTestId("shipment-submit").click()
    await page.getByTestId("shipment-error").waitFor()
    expect(await page.getByTestId("shipment-error-code").textContent()).toBe("DATOS_INVALIDOS")
    expect(await page.getByTestId("shipment-note-error").textContent()).toBe("Escribe el número de remisión.")
    // more than was ordered: the API's refusal, in Spanish with its code
    await page.getByTestId("shipment-note").fill("REM-E2E-001")
    await page.getByTestId(`shipment-quantity-${n}`).fill(String(ordered + 1))
    await page.getByTestId("shipment-submit").click()
    await page.getByTestId("shipment-error-code").filter({ hasText: "CANTIDAD_EXCEDE_PEDIDO" }).waitFor()
    expect((await api<{ shipments: unknown[] }>(`/supplier/orders/${order.id}/shipments`, supplierToken)).body.shipments).toEqual([])
    // the whole line
    await page.getByTestId(`shipment-quantity-${n}`).fill(String(ordered))
    await page.getByTestId("shipment-submit").click()
    await page.getByTestId("shipment-ok").waitFor()
    expect(await page.getByTestId("shipment-ok").textContent()).toContain("REM-E2E-001")
    await page.reload()
    expect(await page.locator('[data-testid="shipment-row"][data-status="pending_reception"]').count()).toBe(1)
    await page.context().close()

    // the Reception Manager lands on the receptions, sees the shipment, receives it partially
    const phone = await newPhonePage()
    await loginAt(phone, "/recepciones", receiver.email, "customer")
    expect(await phone.getByTestId("nav-receptions").isVisible()).toBe(true)
    await phone.getByTestId("receptions-empty").waitFor()
    const shipment = phone.locator('[data-testid="pending-shipment"][data-note="REM-E2E-001"]')
    await shipment.getByTestId("reception-open").click()
    const accepted = ordered > 1 ? ordered - 1 : 0
    await shipment.getByTestId(`reception-partial-${n}`).check()
    await shipment.getByTestId(`reception-accepted-${n}`).fill(String(accepted))
    // rejecting units needs a reason: refused before anything is sent
    await shipment.getByTestId("reception-submit").click()
    await shipment.getByTestId(`reception-notes-error-${n}`).waitFor()
    expect(await shipment.getByTestId("reception-error-code").textContent()).toBe("DATOS_INVALIDOS")
    const customerToken = await apiLogin("customer", receiver.email)
    expect((await api<{ receptions: unknown[] }>("/store/receptions", customerToken)).body.receptions).toEqual([])
    await shipment.getByTestId(`reception-notes-${n}`).fill("Una pieza llegó dañada.")
    await shipment.getByTestId("reception-submit").click()
    await shipment.getByTestId("reception-ok").waitFor()
    // delivered on time: no pena convencional
    expect(await shipment.getByTestId("reception-ok").textContent()).toMatch(/Resultado: (Parcial|Rechazada)\. A tiempo\./)
    expect(await noSideScrollOf(phone)).toBeLessThanOrEqual(0)
    const receptions = (
      await api<{
        receptions: {
          outcome: string
          days_late: number
          penalty_amount: string
          lines: { accepted_quantity: number; rejected_quantity: number; notes: string }[]
        }[]
      }>("/store/receptions", customerToken)
    ).body.receptions
    expect(receptions).toHaveLength(1)
    expect(receptions[0].lines[0]).toMatchObject({
      accepted_quantity: accepted,
      rejected_quantity: ordered - accepted,
      notes: "Una pieza llegó dañada.",
    })
    expect([receptions[0].days_late, receptions[0].penalty_amount]).toEqual([0, "0.00"])
    await phone.reload()
    await phone.getByTestId("receptions-pending-empty").waitFor()
    expect(await phone.getByTestId("reception-penalty").textContent()).toBe("A tiempo")
    await phone.screenshot({ path: join(shots, "storefront-receptions-mobile.png"), fullPage: true })
    await phone.context().close()
  })
})

const noSideScrollOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

type SearchAnswer = {
  items: { name: string; min_price: string | null }[]
  count: number
  facets: Record<string, { value: string; label: string; count: number }[]>
  query: { q: string | null; corrected: string | null }
}

/** "47.35" → 4735: prices compared as whole centavos, never as floats. */
function cents(amount: string): number {
  const [int, dec = ""] = amount.split(".")
  return Number(int) * 100 + Number((dec + "00").slice(0, 2))
}

describe("searching the catalog in the storefront", () => {
  let buyer: { email: string }
  let token: string
  const search = (qs: string) => api<SearchAnswer>(`/store/catalog/search?${qs}`, token)

  beforeAll(async () => {
    // the requiring unit's user may browse the catalog (catalog:browse)
    buyer = demo.logins.find((l) => l.role === "requiring_unit") as { email: string }
    token = await apiLogin("customer", buyer.email)
  })

  /** The results as the page shows them once it reflects `count`. */
  async function shown(page: Page, count: number) {
    await page.locator(`[data-testid="search-count"][data-count="${count}"]`).waitFor()
    return {
      names: await page.getByTestId("result-name").allTextContents(),
      prices: await page.getByTestId("search-result").evaluateAll((els) => els.map((e) => e.getAttribute("data-min-price") ?? "")),
    }
  }

  it("suggests as the buyer types, corrects a typo, filters, sorts and pages, all in the URL", async () => {
    const page = await newPage()
    // the home page's search box leads to /buscar, through the login when there is no session
    await page.goto(storefront)
    const home = page.getByTestId("home-search")
    await home.getByTestId("search-input").fill("bolígrafo")
    await home.getByTestId("search-submit").click()
    await page.waitForURL((u) => u.pathname === "/ingresar")
    expect(new URL(page.url()).searchParams.get("siguiente")).toBe(`/buscar?q=${encodeURIComponent("bolígrafo")}`)
    await page.getByTestId("login-account").selectOption("customer")
    await page.getByTestId("login-email").fill(buyer.email)
    await page.getByTestId("login-password").fill(demo.password)
    await page.getByTestId("login-submit").click()
    await page.waitForURL((u) => u.pathname === "/buscar")
    const pens = await search(`q=${encodeURIComponent("bolígrafo")}`)
    expect(pens.body.count).toBeGreaterThan(0)
    expect((await shown(page, pens.body.count)).names).toEqual(pens.body.items.map((i) => i.name))

    // as-you-type suggestions: categories and items, keyboard accessible
    const box = page.getByTestId("search-input")
    await box.fill("")
    await box.pressSequentially("boligr", { delay: 60 })
    const suggestion = page.getByTestId("suggestions").getByTestId("suggestion")
    await suggestion.first().waitFor()
    const suggested = await suggestion.allTextContents()
    expect(suggested[0]).toBe("Bolígrafos")
    expect(await suggestion.first().getAttribute("data-kind")).toBe("category")
    expect(suggested.filter((t) => t.startsWith("Bolígrafo ")).length).toBeGreaterThan(0)
    expect(await box.getAttribute("aria-expanded")).toBe("true")
    await box.press("ArrowDown")
    expect(await box.getAttribute("aria-activedescendant")).toBe(await suggestion.first().getAttribute("id"))
    expect(await suggestion.first().getAttribute("aria-selected")).toBe("true")
    await page.screenshot({ path: join(shots, "storefront-search-suggestions.png") })
    await box.press("Escape")
    expect(await box.getAttribute("aria-expanded")).toBe("false")

    // a typo: the page says what it searched for instead
    const typo = await search("q=boligrfo")
    expect(typo.body.query.corrected).toMatch(/^bol[ií]graf/)
    await box.fill("boligrfo")
    await box.press("Enter")
    await page.waitForURL((u) => u.searchParams.get("q") === "boligrfo")
    const typoShown = await shown(page, typo.body.count)
    expect(typoShown.names).toEqual(typo.body.items.map((i) => i.name))
    expect(typoShown.names.length).toBeGreaterThan(1)
    for (const name of typoShown.names) {
      expect(name).toMatch(/^Bolígrafo/)
    }
    expect(await page.getByTestId("search-corrected").textContent()).toContain(`Mostrando resultados para «${typo.body.query.corrected}»`)
    expect(await page.getByTestId("facet-class-44121700-count").textContent()).toBe(String(typo.body.count))
    expect(await page.getByTestId("result-price").first().textContent()).toMatch(/^\$\d+\.\d{2}( a \$\d+\.\d{2})? MXN$/)
    expect(await page.getByTestId("result-sme").count()).toBeGreaterThan(0)
    expect(await page.getByTestId("result-delivery").first().textContent()).toMatch(/días? a Ciudad de México/)
    await page.screenshot({ path: join(shots, "storefront-search-corrected.png"), fullPage: true })

    // a price facet: the URL, the count and the other facets' counts follow
    const bucket = typo.body.facets.price.find((f) => f.value === "0-50") as { count: number }
    expect(bucket.count).toBeGreaterThan(1)
    expect(bucket.count).toBeLessThan(typo.body.count)
    await page.getByTestId("facet-price-0-50").click()
    await page.waitForURL((u) => u.searchParams.get("price_max") === "49.99" && u.searchParams.get("q") === "boligrfo")
    const cheap = await search("q=boligrfo&price_max=49.99")
    expect(cheap.body.count).toBe(bucket.count)
    expect((await shown(page, cheap.body.count)).names).toEqual(cheap.body.items.map((i) => i.name))
    expect(await page.getByTestId("facet-class-44121700-count").textContent()).toBe(String(cheap.body.count))
    expect(await page.getByTestId("facet-price-0-50").getAttribute("data-selected")).toBe("true")
    expect(await page.getByTestId("applied-filters").textContent()).toContain("hasta $49.99")

    // sort by price, cheapest first
    await page.getByTestId("search-sort").selectOption("price_asc")
    await page.waitForURL((u) => u.searchParams.get("sort") === "price_asc" && u.searchParams.get("price_max") === "49.99")
    const sorted = await search("q=boligrfo&price_max=49.99&sort=price_asc")
    const sortedShown = await shown(page, sorted.body.count)
    expect(sortedShown.names).toEqual(sorted.body.items.map((i) => i.name))
    const prices = sortedShown.prices.map(cents)
    expect(prices.length).toBeGreaterThan(1)
    for (let i = 1; i < prices.length; i++) {
      expect(prices[i - 1]).toBeLessThanOrEqual(prices[i])
    }
    expect(prices[prices.length - 1]).toBeLessThan(5000)
    await page.screenshot({ path: join(shots, "storefront-search-sorted.png"), fullPage: true })

    // the back button returns to the unsorted, then to the unfiltered search
    await page.goBack()
    await page.waitForURL((u) => !u.searchParams.has("sort") && u.searchParams.get("price_max") === "49.99")
    // The URL changes before the page re-renders from the server: wait for the selector to follow.
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="search-sort"]') as HTMLSelectElement | null)?.value === "relevance",
      undefined,
      { timeout: 15000 },
    )
    expect(await page.getByTestId("search-sort").inputValue()).toBe("relevance")
    await page.goBack()
    await page.waitForURL((u) => !u.searchParams.has("price_max") && u.searchParams.get("q") === "boligrfo")
    await shown(page, typo.body.count)

    // the whole catalog, a class facet, then the second page
    await page.goto(`${storefront}/buscar`)
    const all = await search("")
    await shown(page, all.body.count)
    const writing = all.body.facets.class.find((f) => f.value === "44121700") as { count: number }
    expect(writing.count).toBeGreaterThan(20)
    await page.getByTestId("facet-class-44121700").click()
    await page.waitForURL((u) => u.searchParams.get("class") === "44121700")
    await shown(page, writing.count)
    await page.getByTestId("page-next").click()
    await page.waitForURL((u) => u.searchParams.get("pagina") === "2" && u.searchParams.get("class") === "44121700")
    const second = await search("class=44121700&offset=20")
    expect((await shown(page, writing.count)).names).toEqual(second.body.items.map((i) => i.name))
    expect(await page.getByTestId("page-status").textContent()).toBe(`Página 2 de ${Math.ceil(writing.count / 20)}`)

    // nothing found: a Spanish hint; a refused query: the API's code and message
    await page.goto(`${storefront}/buscar?q=zzzqqqxxx`)
    expect(await page.getByTestId("search-empty").textContent()).toContain("No encontramos artículos para «zzzqqqxxx»")
    await page.goto(`${storefront}/buscar?q=papel&price_min=500&price_max=10`)
    expect(await page.getByTestId("search-error-code").textContent()).toBe("RANGO_DE_PRECIO_INVALIDO")
    expect(await page.getByTestId("search-error").textContent()).toContain("El precio mínimo no puede ser mayor que el precio máximo.")

    // on a phone, with the same session: nothing scrolls sideways, suggestions included
    const phone = await newPhonePage()
    await phone.context().addCookies(await page.context().cookies())
    await phone.goto(`${storefront}/buscar?q=boligrfo&sort=price_asc`)
    await shown(phone, typo.body.count)
    expect(await phone.getByTestId("search-corrected").isVisible()).toBe(true)
    const phoneBox = phone.getByTestId("search-input")
    await phoneBox.fill("")
    await phoneBox.pressSequentially("boligr", { delay: 60 })
    await phone.getByTestId("suggestions").getByTestId("suggestion").first().waitFor()
    await phone.screenshot({ path: join(shots, "storefront-search-suggestions-mobile.png") })
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await phoneBox.press("Escape")
    await phone.getByTestId("filters-toggle").click()
    await phone.screenshot({ path: join(shots, "storefront-search-mobile.png"), fullPage: true })
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await phone.context().close()
    await page.context().close()
  })
})

type ItemAnswer = {
  item: { id: string; name: string; iva_treatment: string }
  offers: {
    offer_id: string
    variant_id: string | null
    price: string
    min_order_qty: number
    delivery_days: number | null
    supplier: { legal_name: string; sme: boolean }
  }[]
}

type RequisitionAnswer = {
  id: string
  number: string
  status: string
  budget_key_id: string
  total: string | number
  requester_person_id: string
  justification: string
  lines: { item_name: string; quantity: number; supplier_id: string }[]
  approval_steps: { sequence: number; role: string; status: string; decided_by_person_id: string | null; revision: number }[]
}

describe("buying and approving in the storefront: item → cart → requisition → approvals", () => {
  let requester: { email: string }
  let head: { email: string }
  let purchasing: { email: string }
  let requesterToken: string

  beforeAll(async () => {
    // the printed walkthrough: who places the requisition, who approves steps 1 and 2
    ;[requester, head, purchasing] = demo.walkthrough.slice(0, 3)
    expect(requester.email).toMatch(/^area\.requirente@/)
    expect(head.email).toMatch(/^titular\.area\.requirente@/)
    requesterToken = await apiLogin("customer", requester.email)
  })

  async function loginTo(page: Page, path: string, email: string) {
    await page.goto(`${storefront}${path}`)
    await page.waitForURL((u) => u.pathname === "/ingresar")
    await page.getByTestId("login-account").selectOption("customer")
    await page.getByTestId("login-email").fill(email)
    await page.getByTestId("login-password").fill(demo.password)
    await page.getByTestId("login-submit").click()
  }

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

  /** axe-core (WCAG 2.1 A/AA rules) on the page as it is now: no serious or critical violation. */
  async function accessible(page: Page) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") })
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> }
        }
      ).axe
      const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }))
    })
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([])
  }

  it("finds an item, compares its offers, adds one to the cart and turns the cart into a submitted requisition", async () => {
    const page = await newPage()
    await loginTo(page, `/buscar?q=${encodeURIComponent("papel")}`, requester.email)
    await page.waitForURL((u) => u.pathname === "/buscar")
    // the buyer's menu: search, cart (empty), my requisitions; approvals for the unit's role
    expect(await page.getByTestId("nav-cart-count").textContent()).toBe("0")
    expect(await page.getByTestId("nav-requisitions").isVisible()).toBe(true)

    // the first result opens its item page
    const first = page.getByTestId("result-link").first()
    const name = (await first.textContent()) as string
    await first.click()
    await page.waitForURL((u) => u.pathname.startsWith("/articulos/"))
    const itemId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2])
    const answer = (await api<ItemAnswer>(`/store/catalog/items/${itemId}`, requesterToken)).body
    expect(await page.getByTestId("item-name").textContent()).toBe(name)
    expect(answer.item.name).toBe(name)

    // every eligible offer side by side, cheapest first, price with IVA, MIPYME, delivery days, minimum
    const offers = page.getByTestId("offer")
    expect(await offers.count()).toBe(answer.offers.length)
    expect(answer.offers.length).toBeGreaterThan(1)
    // each offer names the Medusa variant its cart line adds
    expect(answer.offers.every((o) => typeof o.variant_id === "string")).toBe(true)
    expect(await page.getByTestId("offer-supplier").allTextContents()).toEqual(answer.offers.map((o) => o.supplier.legal_name))
    expect(await page.getByTestId("offer-sme").count()).toBe(answer.offers.filter((o) => o.supplier.sme).length)
    const cheapest = answer.offers[0]
    expect(answer.item.iva_treatment).toBe("tasa_16")
    // IVA 16 % to the centavo, half up (exact arithmetic on whole centavos)
    const gross = Math.floor((cents(cheapest.price) * 116 + 50) / 100)
    const grossText = `$${Math.floor(gross / 100).toLocaleString("en-US")}.${String(gross % 100).padStart(2, "0")} MXN`
    expect(await page.getByTestId("offer-price-iva").first().textContent()).toBe(grossText)
    expect(await page.getByTestId("offer-delivery").first().textContent()).toMatch(/^\d+ días? · Ciudad de México$/)
    expect(await page.getByTestId("offer-min-qty").first().textContent()).toMatch(/^\d+ unidad(es)?$/)
    expect(await page.getByTestId("offer-quantity").first().inputValue()).toBe(String(cheapest.min_order_qty))
    await page.screenshot({ path: join(shots, "storefront-item.png"), fullPage: true })
    await accessible(page)

    // the English toggle, and back to Spanish
    await page.getByTestId("language-toggle").click()
    await page.getByRole("heading", { name: "Offers you can buy" }).waitFor()
    expect(await page.getAttribute("html", "lang")).toBe("en")
    await page.getByTestId("language-toggle").click()
    await page.getByRole("heading", { name: "Ofertas que puedes comprar" }).waitFor()
    expect(await page.getAttribute("html", "lang")).toBe("es-MX")

    // add the cheapest offer at its minimum quantity
    const quantity = Math.max(cheapest.min_order_qty, 3)
    await page.getByTestId("offer-quantity").first().fill(String(quantity))
    await page.getByTestId("offer-add").first().click()
    expect(await page.getByTestId("add-to-cart-ok").textContent()).toContain(`Agregaste ${quantity} × «${name}» al carrito.`)
    await page.locator('[data-testid="nav-cart-count"]', { hasText: "1" }).waitFor()
    await page.getByTestId("go-to-cart").click()
    await page.waitForURL((u) => u.pathname === "/carrito")
    expect(await page.getByTestId("cart-line-name").allTextContents()).toEqual([name])
    expect(await page.getByTestId("cart-line-supplier").textContent()).toContain(cheapest.supplier.legal_name)
    expect(await page.getByTestId("cart-line-quantity").inputValue()).toBe(String(quantity))
    await page.screenshot({ path: join(shots, "storefront-cart.png"), fullPage: true })
    await accessible(page)

    // the requisition form: a delivery date in the past is refused by the API, in Spanish, nothing created
    await page.getByTestId("to-requisition").click()
    await page.waitForURL((u) => u.pathname === "/carrito/requisicion")
    if (!(await page.getByTestId("requisition-budget-key").inputValue())) {
      await page.getByTestId("requisition-budget-key").selectOption({ index: 1 })
    }
    // only the keys of the item's COG partida, with today's disponible
    const partida = (await api<{ item: { cog_partida: string } }>(`/store/catalog/items/${itemId}`, requesterToken)).body.item.cog_partida
    expect(await page.getByTestId("requisition-budget-key").locator("option:checked").textContent()).toMatch(
      new RegExp(`-${partida}-.* · disponible \\$[\\d,]+\\.\\d{2}$`),
    )
    expect(await page.getByTestId("requisition-available").textContent()).toMatch(
      new RegExp(`^Disponible hoy: \\$[\\d,]+\\.\\d{2} \\(partida ${partida}\\)\\.$`),
    )
    const justification = "Reposición de papelería del trimestre para la Dirección General de Administración"
    await page.getByTestId("requisition-justification").fill(justification)
    await page.getByTestId("requisition-place").fill("Almacén general, andén 2")
    await page.getByTestId("requisition-date").fill("2020-01-15")
    await page.getByTestId("requisition-submit").click()
    await page.getByTestId("requisition-error").waitFor()
    expect(await page.getByTestId("requisition-error-code").textContent()).toBe("FECHA_DE_ENTREGA_INVALIDA")
    expect(await page.getByTestId("requisition-error").textContent()).toContain("La fecha de entrega debe ser hoy o posterior.")
    // the refusal is announced and focused; what was typed stays
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("requisition-error")
    expect(await page.getByTestId("requisition-justification").inputValue()).toBe(justification)
    await accessible(page)
    expect((await api<{ count: number }>("/store/requisitions?status=draft", requesterToken)).body.count).toBe(0)

    const tomorrow = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10)
    await page.getByTestId("requisition-date").fill(tomorrow)
    await page.getByTestId("requisition-submit").click()
    await page.waitForURL((u) => u.pathname.startsWith("/requisiciones/") && u.searchParams.get("enviada") === "1")
    await page.getByTestId("requisition-submitted").waitFor()
    const id = decodeURIComponent(new URL(page.url()).pathname.split("/")[2])
    const stored = (await api<{ requisition: RequisitionAnswer }>(`/store/requisitions/${id}`, requesterToken)).body.requisition
    expect(stored.status).toBe("pending_approval")
    expect(stored.justification).toBe(justification)
    expect(stored.lines.map((l) => [l.item_name, l.quantity])).toEqual([[name, quantity]])
    expect(await page.getByTestId("requisition-number").textContent()).toBe(`Requisición ${stored.number}`)
    expect(await page.getByTestId("requisition-status").textContent()).toBe("En aprobación")
    expect(
      await page
        .getByTestId("approval-step")
        .evaluateAll((els) => els.map((e) => [e.getAttribute("data-role"), e.getAttribute("data-status")])),
    ).toEqual([
      ["requiring_unit", "pending"],
      ["purchasing_unit", "pending"],
    ])
    // the requester never decides their own requisition; the cart is empty again
    expect(await page.getByTestId("decision-panel").count()).toBe(0)
    expect(await page.getByTestId("nav-cart-count").textContent()).toBe("0")
    expect(await page.getByTestId("history-event").count()).toBe(2)
    await page.screenshot({ path: join(shots, "storefront-requisition-submitted.png"), fullPage: true })
    await accessible(page)

    // my requisitions lists it
    await page.getByTestId("nav-requisitions").click()
    await page.waitForURL((u) => u.pathname === "/requisiciones")
    expect(
      await page
        .locator(`[data-testid="requisition-row"][data-number="${stored.number}"] [data-testid="requisition-status"]`)
        .textContent(),
    ).toBe("En aprobación")
    await page.context().close()
  })

  it("lets each approver decide from the inbox, with a reason for a refusal and a confirmation dialog, until it is approved", async () => {
    const mine = (await api<{ requisitions: RequisitionAnswer[] }>("/store/requisitions?status=pending_approval", requesterToken)).body
      .requisitions
    expect(mine.length).toBe(1)
    const r = mine[0]

    // step 1: the head of the requiring unit (not the requester), on a desktop
    const page = await newPage()
    await loginTo(page, "/ingresar", head.email)
    await page.waitForURL((u) => u.pathname === "/buscar")
    await page.getByTestId("nav-approvals").click()
    await page.waitForURL((u) => u.pathname === "/aprobaciones")
    expect(await page.getByTestId("inbox-count").textContent()).toBe("1 requisición espera tu decisión")
    const row = page.locator(`[data-testid="inbox-row"][data-number="${r.number}"]`)
    expect(await row.getByTestId("inbox-step").textContent()).toBe("Paso 1: Área Requirente")
    await page.screenshot({ path: join(shots, "storefront-approvals-inbox.png"), fullPage: true })
    await accessible(page)
    await row.getByTestId("inbox-review").click()
    await page.waitForURL((u) => u.pathname === `/requisiciones/${r.id}`)

    // rejecting needs a reason: asked for before any dialog opens
    await page.getByTestId("decide-reject").click()
    expect(await page.getByTestId("decision-reason-error").textContent()).toBe("Escribe el motivo para rechazar o devolver la requisición.")
    expect(await page.getByTestId("decision-dialog").isVisible()).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("decision-reason")

    // approving asks for confirmation; cancelling changes nothing
    await page.getByTestId("decide-approve").click()
    await page.getByTestId("decision-dialog").waitFor()
    expect(await page.getByTestId("decision-dialog").textContent()).toContain("¿Aprobar la requisición?")
    await page.screenshot({ path: join(shots, "storefront-approval-confirm.png") })
    await accessible(page)
    await page.getByTestId("decision-cancel").click()
    expect(await page.getByTestId("decision-dialog").isVisible()).toBe(false)
    let stored = (await api<{ requisition: RequisitionAnswer }>(`/store/requisitions/${r.id}`, requesterToken)).body.requisition
    expect(stored.approval_steps.map((s) => s.status)).toEqual(["pending", "pending"])

    await page.getByTestId("decision-reason").fill("Conforme con el programa anual de adquisiciones")
    await page.getByTestId("decide-approve").click()
    await page.getByTestId("decision-confirm").click()
    await page.waitForURL((u) => u.searchParams.get("decision") === "approve")
    expect(await page.getByTestId("decision-recorded").textContent()).toBe("Registramos tu decisión: aprobada.")
    expect(await page.getByTestId("approval-step-status").allTextContents()).toEqual(["Aprobó", "Pendiente"])
    expect(await page.getByTestId("decision-panel").count()).toBe(0)
    stored = (await api<{ requisition: RequisitionAnswer }>(`/store/requisitions/${r.id}`, requesterToken)).body.requisition
    const headId = (await api<{ profile: { id: string } }>("/store/me", await apiLogin("customer", head.email))).body.profile.id
    expect(stored.approval_steps[0]).toEqual(expect.objectContaining({ status: "approved", decided_by_person_id: headId }))
    // the inbox is empty for them now
    await page.getByTestId("nav-approvals").click()
    await page.getByTestId("inbox-empty").waitFor()
    await page.context().close()

    // step 2: the purchasing unit, on a phone
    const phone = await newPhonePage()
    await loginTo(phone, "/aprobaciones", purchasing.email)
    await phone.waitForURL((u) => u.pathname === "/aprobaciones")
    await phone.locator(`[data-testid="inbox-row"][data-number="${r.number}"]`).getByTestId("inbox-review").click()
    await phone.waitForURL((u) => u.pathname === `/requisiciones/${r.id}`)
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0)
    await accessible(phone)
    await phone.getByTestId("decide-approve").click()
    await phone.getByTestId("decision-confirm").click()
    await phone.waitForURL((u) => u.searchParams.get("decision") === "approve")
    expect(await phone.getByTestId("requisition-status").textContent()).toBe("Aprobada")
    expect(await phone.getByTestId("approval-step-status").allTextContents()).toEqual(["Aprobó", "Aprobó"])
    await phone.screenshot({ path: join(shots, "storefront-requisition-approved-mobile.png"), fullPage: true })
    expect(await noSideScroll(phone)).toBeLessThanOrEqual(0)
    await phone.context().close()
    stored = (await api<{ requisition: RequisitionAnswer }>(`/store/requisitions/${r.id}`, requesterToken)).body.requisition
    expect(stored.status).toBe("approved")

    // before any contract exists the requester may withdraw it: a reason, a confirmation, the budget released
    const reserved = async () =>
      cents(
        (
          await api<{ budget_keys: { id: string; reservado: string }[] }>("/store/budget/keys?limit=200", requesterToken)
        ).body.budget_keys.find((k) => k.id === stored.budget_key_id)?.reservado ?? "0",
      )
    const before = await reserved()
    const mineAgain = await newPage()
    await loginTo(mineAgain, `/requisiciones/${r.id}`, requester.email)
    await mineAgain.waitForURL((u) => u.pathname === `/requisiciones/${r.id}`)
    expect(await mineAgain.getByTestId("decision-panel").count()).toBe(0)
    await mineAgain.getByTestId("withdraw-panel").locator("summary").click()
    await mineAgain.getByTestId("withdraw-ask").click()
    expect(await mineAgain.getByTestId("withdraw-reason-error").textContent()).toBe("Escribe el motivo del retiro (al menos 5 caracteres).")
    await mineAgain.getByTestId("withdraw-reason").fill("Se atenderá con el contrato anual de papelería")
    await mineAgain.getByTestId("withdraw-ask").click()
    await mineAgain.getByTestId("withdraw-dialog").waitFor()
    await mineAgain.getByTestId("withdraw-confirm").click()
    await mineAgain.waitForURL((u) => u.searchParams.get("retirada") === "1")
    expect(await mineAgain.getByTestId("requisition-status").textContent()).toBe("Retirada")
    expect(await mineAgain.getByTestId("withdraw-panel").count()).toBe(0)
    stored = (await api<{ requisition: RequisitionAnswer }>(`/store/requisitions/${r.id}`, requesterToken)).body.requisition
    expect(stored.status).toBe("cancelled")
    expect(before - (await reserved())).toBe(cents(String(stored.total)))
    await mineAgain.context().close()
  })
})

describe("after delivery and beyond: the acta, the CFDI, payments, offers, the catalog by category and delegations", () => {
  // runs after the delivery journey above: its reception has an acta to sign and its order can be invoiced
  const login = (role: string) => demo.logins.find((l) => l.role === role) as { email: string }

  // E2E_SCREENSHOTS_DIR=docs/screenshots: the key screens at 1366 and 375 px once every journey above ran
  // (scripts/screenshots.mjs against this store, with its demo logins)
  afterAll(async () => {
    const out = process.env.E2E_SCREENSHOTS_DIR
    if (!out) {
      return
    }
    const child = spawn(
      "node",
      ["scripts/screenshots.mjs", `--url=${storefront}`, `--demo=${join(dataDir, "demo.json")}`, `--out=${join(root, out)}`],
      { cwd: root, stdio: "inherit" },
    )
    expect(await new Promise((r) => child.once("exit", r))).toBe(0)
  })

  async function loginAt(page: Page, path: string, email: string, account: "customer" | "supplier", landing = path) {
    await page.goto(`${storefront}${path}`)
    await page.waitForURL((u) => u.pathname === "/ingresar")
    await page.getByTestId("login-account").selectOption(account)
    await page.getByTestId("login-email").fill(email)
    await page.getByTestId("login-password").fill(demo.password)
    await page.getByTestId("login-submit").click()
    await page.waitForURL((u) => u.pathname === landing)
  }

  it("lets the Reception Manager sign the acta de entrega-recepción with e.firma in the browser; only the certificate and the signature leave it", async () => {
    const receiver = login("reception_manager")
    const files = JSON.parse(readFileSync(join(dataDir, "efirma-demo", "index.json"), "utf8")) as Record<
      string,
      { cer: string; key: string; serial: string }
    >
    const mine = files[receiver.email]
    expect(mine).toBeTruthy()
    const token = await apiLogin("customer", receiver.email)
    const [reception] = (await api<{ receptions: { id: string }[] }>("/store/receptions", token)).body.receptions
    type Acta = { acta: { status: string; certificate_serial: string | null; folio: string } }
    expect((await api<Acta>(`/store/receptions/${reception.id}/acta`, token)).body.acta.status).toBe("pending_signature")

    const phone = await newPhonePage()
    const bodies: string[] = []
    phone.on("request", (r) => {
      if (r.method() !== "GET") {
        bodies.push(r.postData() ?? "")
      }
    })
    await loginAt(phone, "/recepciones", receiver.email, "customer")
    await phone.getByTestId("reception-acta").first().click()
    await phone.waitForURL((u) => u.pathname === `/recepciones/${reception.id}/acta`)
    // the browser recomputed the digest of the acta it shows
    await phone.locator('[data-testid="integrity"][data-state="ok"]').waitFor()
    expect(await phone.getByTestId("acta-status").getAttribute("data-status")).toBe("pending_signature")
    await axeClean(phone)
    const efirma = (f: string) => join(dataDir, "efirma-demo", f)
    // a wrong password: refused on the device, nothing sent
    await phone.getByTestId("cer-input").setInputFiles(efirma(mine.cer))
    await phone.getByTestId("certificate-info").filter({ hasText: mine.serial }).waitFor()
    await phone.getByTestId("key-input").setInputFiles(efirma(mine.key))
    await phone.getByTestId("key-password").fill("no-es-la-clave")
    await phone.getByTestId("consent").check()
    await phone.getByTestId("sign-submit").click()
    await phone.getByTestId("signing-error").waitFor()
    expect(await phone.getByTestId("signing-error-code").textContent()).toBe("CONTRASENA_INCORRECTA")
    // the right one
    await phone.getByTestId("key-password").fill(DEMO_KEY_PASSWORD)
    await phone.getByTestId("sign-submit").click()
    await phone.getByTestId("signing-done").waitFor()
    expect(await phone.getByTestId("signing-done").textContent()).toContain(`con el certificado ${mine.serial}`)
    expect(await noSideScrollOf(phone)).toBeLessThanOrEqual(0)
    await phone.screenshot({ path: join(shots, "storefront-acta-signed-mobile.png"), fullPage: true })
    const stored = (await api<Acta>(`/store/receptions/${reception.id}/acta`, token)).body.acta
    expect([stored.status, stored.certificate_serial]).toEqual(["signed", mine.serial])
    const keyB64 = readFileSync(efirma(mine.key)).toString("base64")
    for (const b of bodies) {
      for (const secret of [DEMO_KEY_PASSWORD, "no-es-la-clave", keyB64]) {
        expect(b).not.toContain(secret)
      }
    }
    // a second visit shows the signature, not the form
    await phone.reload()
    await phone.getByTestId("already-signed").waitFor()
    expect(await phone.getByTestId("acta-status").getAttribute("data-status")).toBe("signed")
    await phone.context().close()
  })

  it("shows the supplier every rule a CFDI fails, field by field, and stores nothing; the invoices page says none were accepted yet", async () => {
    const rep = login("supplier_user")
    const token = await apiLogin("supplier", rep.email)
    const [order] = (await api<{ orders: { id: string }[] }>("/supplier/orders", token)).body.orders
    const tmp = join(dataDir, "e2e-cfdi")
    mkdirSync(tmp, { recursive: true })
    // well formed, but unsealed, unstamped and for nobody's order amounts
    const bad = join(tmp, "factura-invalida.xml")
    writeFileSync(
      bad,
      `<?xml version="1.0" encoding="UTF-8"?>
<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" Version="4.0" Fecha="2026-12-01T10:00:00" SubTotal="100.00" Moneda="MXN" Total="116.00" TipoDeComprobante="I" Exportacion="01" MetodoPago="PUE" FormaPago="03" LugarExpedicion="06600" NoCertificado="00001000000000000000" Certificado="" Sello="">
  <cfdi:Emisor Rfc="XAXX010101000" Nombre="EMISOR DE PRUEBA" RegimenFiscal="601"/>
  <cfdi:Receptor Rfc="XAXX010101000" Nombre="RECEPTOR DE PRUEBA" DomicilioFiscalReceptor="06600" RegimenFiscalReceptor="603" UsoCFDI="G03"/>
  <cfdi:Conceptos>
    <cfdi:Concepto ClaveProdServ="44121701" Cantidad="1" ClaveUnidad="H87" Descripcion="Bolígrafo" ValorUnitario="100.00" Importe="100.00" ObjetoImp="01"/>
  </cfdi:Conceptos>
</cfdi:Comprobante>
`,
    )
    const page = await newPage()
    await loginAt(page, "/proveedor/facturas", rep.email, "supplier")
    expect(await page.getByTestId("nav-invoices").isVisible()).toBe(true)
    await page.getByTestId("invoices-empty").waitFor()
    await axeClean(page)
    // no file: refused in the storefront
    await page.getByTestId("cfdi-order").selectOption(order.id)
    await page.getByTestId("cfdi-submit").click()
    await page.getByTestId("cfdi-xml-error").waitFor()
    expect(await page.getByTestId("cfdi-error-code").textContent()).toBe("DATOS_INVALIDOS")
    // the invalid CFDI: the API's refusal with every failed rule listed, each with its field
    await page.getByTestId("cfdi-xml").setInputFiles(bad)
    await page.getByTestId("cfdi-submit").click()
    await page.getByTestId("cfdi-failures").waitFor()
    expect(await page.getByTestId("cfdi-error-code").textContent()).toBe("CFDI_INVALIDO")
    const failures = page.getByTestId("cfdi-failure")
    const n = await failures.count()
    expect(n).toBeGreaterThanOrEqual(2)
    expect(await page.getByTestId("cfdi-error").textContent()).toContain(`${n} reglas no se cumplen`)
    for (let i = 0; i < n; i++) {
      const f = failures.nth(i)
      expect(await f.getAttribute("data-rule")).toMatch(/^[A-Z][A-Z0-9_]+$/)
      expect(await f.textContent()).toMatch(/Campo: \S+/)
    }
    await axeClean(page)
    expect((await api<{ invoices: unknown[] }>("/supplier/invoices", token)).body.invoices).toEqual([])
    await page.screenshot({ path: join(shots, "storefront-cfdi-refused.png"), fullPage: true })
    await page.setViewportSize({ width: 375, height: 740 })
    expect(await noSideScrollOf(page)).toBeLessThanOrEqual(0)
    await page.context().close()
  })

  it("lands the Payment Request Typist on the invoices and payment requests, with the exception queue", async () => {
    const typist = login("payment_typist")
    const page = await newPhonePage()
    await page.goto(`${storefront}/ingresar`)
    await page.getByTestId("login-account").selectOption("customer")
    await page.getByTestId("login-email").fill(typist.email)
    await page.getByTestId("login-password").fill(demo.password)
    await page.getByTestId("login-submit").click()
    await page.waitForURL((u) => u.pathname === "/pagos")
    expect(await page.getByTestId("nav-payments").isVisible()).toBe(true)
    // nothing invoiced yet (the CFDI above was refused): every list says so in Spanish
    await page.getByTestId("exceptions-empty").waitFor()
    await page.getByTestId("requests-empty").waitFor()
    await page.getByTestId("agency-invoices-empty").waitFor()
    await axeClean(page)
    expect(await noSideScrollOf(page)).toBeLessThanOrEqual(0)
    await page.context().close()
  })

  it("lets the supplier request a price change of an offer and follow its review", async () => {
    const rep = login("supplier_user")
    const token = await apiLogin("supplier", rep.email)
    type Offer = { id: string; item_id: string; price: string | number; status: string; item: { code: string; name: string } }
    const requests = (await api<{ offer_requests: { item_id: string; status: string }[] }>("/supplier/offer-requests", token)).body
      .offer_requests
    // an item with a request still in review takes no second one (SOLICITUD_PENDIENTE): the seed leaves one pending
    const inReview = new Set(requests.filter((r) => r.status === "pending").map((r) => r.item_id))
    const offer = (await api<{ offers: Offer[] }>("/supplier/offers", token)).body.offers.find(
      (o) => o.status === "active" && !inReview.has(o.item_id),
    ) as Offer
    const before = requests.length
    const cents = Math.round(Number(offer.price) * 100)
    const lower = Math.floor((cents * 95) / 100)
    const proposed = `${Math.floor(lower / 100)}.${String(lower % 100).padStart(2, "0")}`

    const page = await newPage()
    await loginAt(page, "/proveedor/ofertas", rep.email, "supplier")
    const card = page.locator(`[data-testid="offer"][data-item="${offer.item.code}"]`).first()
    await card.getByTestId("offer-change-open").click()
    await card.getByTestId("price-change-input").fill("49,9x")
    await card.getByTestId("price-change-submit").click()
    await card.getByTestId("price-change-error").waitFor()
    expect(await card.getByTestId("price-change-error-code").textContent()).toBe("DATOS_INVALIDOS")
    await axeClean(page)
    await card.getByTestId("price-change-input").fill(proposed)
    await card.getByTestId("price-change-submit").click()
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="offer-request"]').length > n, before, { timeout: 60_000 })
    const after = (
      await api<{ offer_requests: { status: string; kind: string; price: string | number }[] }>("/supplier/offer-requests", token)
    ).body.offer_requests
    expect(after.length).toBe(before + 1)
    expect(after[0]).toMatchObject({ status: "pending", kind: "price_change" })
    expect(Math.round(Number(after[0].price) * 100)).toBe(lower)
    await page.reload()
    expect(await page.getByTestId("offer-request").first().getByTestId("offer-request-status").textContent()).toBe("En revisión")
    await page.context().close()
  })

  it("lets a buyer browse the catalog by UNSPSC category down to an item's page", async () => {
    const [requester] = demo.walkthrough
    const page = await newPhonePage()
    await loginAt(page, "/catalogo", requester.email, "customer")
    // the page streams in after its loading state: wait for the categories before counting them
    await page.getByTestId("categories").waitFor({ timeout: 60_000 })
    expect(await page.getByTestId("categories").locator("li").count()).toBeGreaterThan(0)
    await axeClean(page)
    // segment → family → class → commodity, until items show
    for (let level = 0; level < 4 && (await page.getByTestId("catalog-items").count()) === 0; level++) {
      const link = page.getByTestId("category-link").first()
      const code = (await page.getByTestId("category").first().getAttribute("data-code")) as string
      await link.click()
      await page.waitForURL((u) => u.pathname === `/catalogo/${code}`)
    }
    await page.getByTestId("catalog-items").waitFor()
    expect(await page.getByTestId("catalog-breadcrumbs").locator("li").count()).toBeGreaterThanOrEqual(2)
    await axeClean(page)
    expect(await noSideScrollOf(page)).toBeLessThanOrEqual(0)
    await page.screenshot({ path: join(shots, "storefront-catalog-category-mobile.png"), fullPage: true })
    const item = page.getByTestId("catalog-item-link").first()
    const name = (await item.textContent()) as string
    await item.click()
    await page.waitForURL((u) => u.pathname.startsWith("/articulos/"))
    expect(await page.locator("h1").first().textContent()).toContain(name)
    await page.context().close()
  })

  it("lets an approver delegate a role for a period and revoke it with a reason", async () => {
    const budget = login("budget")
    const token = await apiLogin("customer", budget.email)
    const page = await newPage()
    await loginAt(page, "/delegaciones", budget.email, "customer")
    await page.getByTestId("delegations-given-empty").waitFor()
    await axeClean(page)
    const ends = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
    await page.getByTestId("delegation-delegate").selectOption({ index: 1 })
    await page.getByTestId("delegation-ends").fill(ends)
    await page.getByTestId("delegation-reason").fill("Vacaciones")
    await page.getByTestId("delegation-submit").click()
    const given = page.locator('[data-testid="delegation-given"][data-state="active"]')
    await given.waitFor()
    type Delegations = { given: { role: string; revoked_at: string | null; revocation_reason: string | null }[] }
    let stored = (await api<Delegations>("/store/delegations", token)).body.given
    expect(stored).toHaveLength(1)
    expect([stored[0].role, stored[0].revoked_at]).toEqual(["budget", null])
    // revoking needs a reason: refused before anything is sent
    await given.getByTestId("delegation-revoke-submit").click()
    await given.getByTestId("delegation-revoke-error").waitFor()
    expect(await given.getByTestId("delegation-revoke-error-code").textContent()).toBe("MOTIVO_REQUERIDO")
    await axeClean(page)
    await given.getByTestId("delegation-revoke-input").fill("Regresé antes de lo previsto.")
    await given.getByTestId("delegation-revoke-submit").click()
    await page.locator('[data-testid="delegation-given"][data-state="revoked"]').waitFor()
    stored = (await api<Delegations>("/store/delegations", token)).body.given
    expect(stored[0].revoked_at).not.toBeNull()
    expect(stored[0].revocation_reason).toBe("Regresé antes de lo previsto.")
    await page.context().close()
  })
})

describe("the storefront's Content-Security-Policy", () => {
  it("refused nothing the journey needed (every storefront and dashboard page above ran under it)", () => {
    expect(cspViolations).toEqual([])
  })
})
