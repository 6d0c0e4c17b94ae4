import { spawn, type ChildProcess } from "node:child_process"
import { createHash } from "node:crypto"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { issueCertificate, loadTestCaDirectory } from "@tienda/contracts/efirma"
import { Client } from "pg"
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
let demo: { password: string; publishable_key: string; logins: { role: string; email: string; actor_type: string }[]; walkthrough: { step: string; email: string }[] }

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
    const scriptSrc = (res?.headers()["content-security-policy"] ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? ""
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
    const unregistered = issueCertificate(loadTestCaDirectory(caDir).ca, { rfc: me.rfc, name: me.full_name }, { password: "Otra-eFirma-2026" })
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
    expect(createHash("sha256").update(await pdf.body()).digest("hex")).toBe(stored.pdf_sha256)

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
    await page.waitForFunction(() => (document.querySelector('[data-testid="search-sort"]') as HTMLSelectElement | null)?.value === "relevance", undefined, { timeout: 15000 })
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

describe("the storefront's Content-Security-Policy", () => {
  it("refused nothing the journey needed (every storefront and dashboard page above ran under it)", () => {
    expect(cspViolations).toEqual([])
  })
})
