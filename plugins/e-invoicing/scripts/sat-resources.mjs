#!/usr/bin/env node
// Copies SAT's CFDI schemas from ../shared/standards/sat-cfdi into
// resources/sat (same relative layout, so their xs:import paths resolve) and
// compiles SAT's cadena original XSLTs (CFDI 4.0 with every complement it
// includes, and the TimbreFiscalDigital 1.1) into SaxonJS SEF files with
// xslt3 (the TFD one is copied to simulators/sat/resources too). Run after SAT publishes new files:
//   npm run sat-resources -w @tienda/e-invoicing
// catCFDI.xsd is not SAT's: scripts/gen-sat-catalogs.mjs generates it.
import { createHash } from "node:crypto"
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { spawnSync } from "node:child_process"

const plugin = join(dirname(fileURLToPath(import.meta.url)), "..")
const sat = join(plugin, "..", "..", "..", "shared", "standards", "sat-cfdi")
const out = join(plugin, "resources", "sat")

const SCHEMAS = [
  "cfd/4/cfdv40.xsd",
  "cfd/tipoDatos/tdCFDI/tdCFDI.xsd",
  "cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd",
  "cfd/Pagos/Pagos20.xsd",
  "cfd/catalogos/Pagos/catPagos.xsd",
]
for (const file of SCHEMAS) {
  mkdirSync(dirname(join(out, file)), { recursive: true })
  copyFileSync(join(sat, file), join(out, file))
}

/** The stylesheet and every file it includes, transitively. */
function sources(xslt, seen = new Set()) {
  seen.add(xslt)
  for (const m of readFileSync(xslt, "utf8").matchAll(/<xsl:(?:include|import)\s+href="([^"]+)"/g)) {
    const dep = join(dirname(xslt), m[1])
    if (!seen.has(dep)) {
      sources(dep, seen)
    }
  }
  return [...seen]
}
const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex")

const STYLESHEETS = {
  "cadenaoriginal_4_0.sef.json": "cfd/4/cadenaoriginal_4_0/cadenaoriginal_4_0.xslt",
  "cadenaoriginal_TFD_1_1.sef.json": "cfd/TimbreFiscalDigital/cadenaoriginal_TFD_1_1.xslt",
}
const manifest = { generated_by: "plugins/e-invoicing/scripts/sat-resources.mjs", schemas: {}, stylesheets: {} }
for (const file of SCHEMAS) {
  manifest.schemas[file] = sha256(join(sat, file))
}
mkdirSync(join(out, "xslt"), { recursive: true })
for (const [sef, xslt] of Object.entries(STYLESHEETS)) {
  const r = spawnSync("npx", ["xslt3", `-xsl:${join(sat, xslt)}`, `-export:${join(out, "xslt", sef)}`, "-nogo", "-relocate:on"], {
    cwd: plugin,
    stdio: "inherit",
  })
  if (r.status !== 0) {
    process.exit(r.status ?? 1)
  }
  manifest.stylesheets[sef] = Object.fromEntries(sources(join(sat, xslt)).map((f) => [relative(sat, f), sha256(f)]))
}
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n")
// simulators/sat shares no code with the store (ADR 0009) but stamps with the same SAT stylesheet.
const simulator = join(plugin, "..", "..", "simulators", "sat", "resources")
mkdirSync(simulator, { recursive: true })
copyFileSync(join(out, "xslt", "cadenaoriginal_TFD_1_1.sef.json"), join(simulator, "cadenaoriginal_TFD_1_1.sef.json"))
console.log(`SAT resources in ${relative(process.cwd(), out)}`)
