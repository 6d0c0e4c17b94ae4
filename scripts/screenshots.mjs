#!/usr/bin/env node
// Screenshots of the storefront's key screens, each at 1366 px (desktop) and
// 375 px (phone), taken with playwright-core in the system's Chromium against
// a running store (`npm start`), logged in with the demo logins it printed.
//
//   node scripts/screenshots.mjs                       # http://localhost:8000, .data/demo.json → docs/screenshots/
//   node scripts/screenshots.mjs --url=http://localhost:8400 --demo=/path/demo.json --out=/tmp/shots
//
// Screens that need data the demo does not have yet (e.g. an order before a
// contract is signed) are taken in the state they are in: the page's empty
// state is a screen too. The browser journey (integration-tests/e2e) calls
// takeScreenshots() after its journeys when E2E_SCREENSHOTS_DIR is set, so
// orders, receptions and the acta exist.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

export const WIDTHS = [
  { suffix: "", width: 1366, height: 900, mobile: false },
  { suffix: "-mobile", width: 375, height: 740, mobile: true },
]

/**
 * Who is logged in for each screen and which page: `path` may be a function
 * of the logged-in page (to follow a link to a record), returning null when
 * there is nothing to show.
 */
export const SCREENS = [
  { name: "storefront-home", role: null, path: "/" },
  { name: "storefront-search", role: "requiring_unit", path: "/buscar?q=papel" },
  { name: "storefront-catalog-category", role: "requiring_unit", path: "/catalogo" },
  { name: "storefront-my-requisitions", role: "requiring_unit", path: "/requisiciones" },
  { name: "storefront-approvals-inbox", role: "purchasing_unit", path: "/aprobaciones" },
  { name: "storefront-delegations", role: "budget", path: "/delegaciones" },
  { name: "storefront-supplier-orders", role: "supplier_user", path: "/proveedor/pedidos" },
  {
    name: "storefront-supplier-order",
    role: "supplier_user",
    path: async (page, base) => {
      await page.goto(`${base}/proveedor/pedidos`)
      const href = await page
        .getByTestId("order-link")
        .first()
        .getAttribute("href")
        .catch(() => null)
      return href
    },
  },
  { name: "storefront-supplier-invoices", role: "supplier_user", path: "/proveedor/facturas" },
  {
    // a refused CFDI (nothing is stored): every failed rule, field by field
    name: "storefront-cfdi-refused",
    role: "supplier_user",
    path: "/proveedor/facturas",
    act: async (page) => {
      if ((await page.getByTestId("cfdi-order").count()) === 0) {
        return
      }
      const file = join(mkdtempSync(join(tmpdir(), "cfdi-")), "factura-invalida.xml")
      writeFileSync(file, INVALID_CFDI)
      await page.getByTestId("cfdi-order").selectOption({ index: 1 })
      await page.getByTestId("cfdi-xml").setInputFiles(file)
      await page.getByTestId("cfdi-submit").click()
      await page.getByTestId("cfdi-error").waitFor({ timeout: 60_000 })
    },
  },
  { name: "storefront-supplier-offers", role: "supplier_user", path: "/proveedor/ofertas" },
  { name: "storefront-receptions", role: "reception_manager", path: "/recepciones" },
  {
    name: "storefront-acta",
    role: "reception_manager",
    path: async (page, base) => {
      await page.goto(`${base}/recepciones`)
      return page
        .getByTestId("reception-acta")
        .first()
        .getAttribute("href")
        .catch(() => null)
    },
  },
  { name: "storefront-payments", role: "payment_typist", path: "/pagos" },
]

/** Well formed, unsealed and unstamped: the API refuses it with every failed rule. */
const INVALID_CFDI = `<?xml version="1.0" encoding="UTF-8"?>
<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" Version="4.0" Fecha="2026-12-01T10:00:00" SubTotal="100.00" Moneda="MXN" Total="116.00" TipoDeComprobante="I" Exportacion="01" MetodoPago="PUE" FormaPago="03" LugarExpedicion="06600" NoCertificado="00001000000000000000" Certificado="" Sello="">
  <cfdi:Emisor Rfc="XAXX010101000" Nombre="EMISOR DE PRUEBA" RegimenFiscal="601"/>
  <cfdi:Receptor Rfc="XAXX010101000" Nombre="RECEPTOR DE PRUEBA" DomicilioFiscalReceptor="06600" RegimenFiscalReceptor="603" UsoCFDI="G03"/>
  <cfdi:Conceptos>
    <cfdi:Concepto ClaveProdServ="44121701" Cantidad="1" ClaveUnidad="H87" Descripcion="Bolígrafo" ValorUnitario="100.00" Importe="100.00" ObjetoImp="01"/>
  </cfdi:Conceptos>
</cfdi:Comprobante>
`

const ACTOR = (role) => (role === "supplier_user" ? "supplier" : "customer")

async function login(page, base, demo, role) {
  const who = role === "requiring_unit" ? demo.walkthrough?.[0] : demo.logins.find((l) => l.role === role)
  if (!who) {
    throw new Error(`no demo login for ${role}`)
  }
  await page.goto(`${base}/ingresar`)
  await page.getByTestId("login-account").selectOption(ACTOR(role))
  await page.getByTestId("login-email").fill(who.email)
  await page.getByTestId("login-password").fill(demo.password)
  await page.getByTestId("login-submit").click()
  await page.waitForURL((u) => u.pathname !== "/ingresar", { timeout: 60_000 })
}

/** Takes every screen at both widths into `outDir`; returns the files written. */
export async function takeScreenshots({ browser, base, demo, outDir, screens = SCREENS, log = () => {} }) {
  mkdirSync(outDir, { recursive: true })
  const written = []
  for (const w of WIDTHS) {
    const contexts = new Map()
    for (const s of screens) {
      let context = contexts.get(s.role)
      if (!context) {
        context = await browser.newContext({
          locale: "es-MX",
          viewport: { width: w.width, height: w.height },
          ...(w.mobile ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
        })
        contexts.set(s.role, context)
        if (s.role) {
          await login(await context.newPage(), base, demo, s.role)
        }
      }
      const page = await context.newPage()
      const path = typeof s.path === "function" ? await s.path(page, base) : s.path
      if (!path) {
        log(`– ${s.name}: nothing to show yet`)
        await page.close()
        continue
      }
      await page.goto(`${base}${path}`)
      await page.waitForLoadState("networkidle").catch(() => {})
      if (s.act) {
        await s.act(page)
      }
      const file = join(outDir, `${s.name}${w.suffix}.png`)
      await page.screenshot({ path: file, fullPage: !w.mobile })
      written.push(file)
      log(`✔ ${file}`)
      await page.close()
    }
    for (const c of contexts.values()) {
      await c.close()
    }
  }
  return written
}

async function main() {
  const arg = (name, fallback) =>
    process.argv
      .find((a) => a.startsWith(`--${name}=`))
      ?.split("=")
      .slice(1)
      .join("=") ?? fallback
  const base = arg("url", process.env.STOREFRONT_URL || "http://localhost:8000")
  const demoFile = arg("demo", join(process.env.TIENDA_DATA_DIR || join(root, ".data"), "demo.json"))
  const outDir = arg("out", join(root, "docs", "screenshots"))
  const demo = JSON.parse(readFileSync(demoFile, "utf8"))
  const { chromium } = await import("playwright-core")
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  })
  try {
    const files = await takeScreenshots({ browser, base, demo, outDir, log: (l) => console.log(l) })
    console.log(`${files.length} screenshots in ${outDir}`)
  } finally {
    await browser.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
