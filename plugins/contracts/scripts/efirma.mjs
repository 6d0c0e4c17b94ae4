#!/usr/bin/env node
// `npm run efirma -- <command>`: e.firma tools for integrations and tests.
//
//   sign     --cer F.cer --key F.key --password-env VAR --payload doc.json [--out envelope.json]
//   verify   --payload doc.json --envelope envelope.json [--ca bundle] [--rfc RFC] [--at ISO-8601]
//   describe --cer F.cer
//   gen-test-ca <dir>
//   issue    --ca-dir <dir> --rfc RFC --name "Nombre" --password-env VAR --out <base> [--kind efirma|csd]
//
// `sign` uses the browser signing module (efirma-client, WebCrypto): the key
// and password stay on this machine. `--payload -` reads stdin. The password
// is read from the environment variable named by --password-env (never from
// the command line, which other users can see).
// `verify` checks offline what the server checks, except registration: e.firma
// not CSD, issuer in the CA bundle (--ca, else EFIRMA_CA_BUNDLE, else the
// project's test CA), validity at --at, RFC (--rfc, when given) and the
// signature. `verify`, `gen-test-ca` and `issue` use the plugin's build output
// (node scripts/build-plugins.mjs), so they run the server's own code.
// Exit codes: 0 ok, 1 refused/invalid, 2 usage error.
import { readFileSync, writeFileSync, existsSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describeCertificate, openCredential, signPayload } from "../efirma-client/index.mjs"

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

function usage(message) {
  if (message) {
    console.error(`efirma: ${message}`)
  }
  console.error(
    [
      "Uso:",
      "  efirma sign --cer F.cer --key F.key --password-env VAR --payload doc.json [--out sobre.json]",
      "  efirma verify --payload doc.json --envelope sobre.json [--ca paquete] [--rfc RFC] [--at FECHA]",
      "  efirma describe --cer F.cer",
      "  efirma gen-test-ca <dir>",
      "  efirma issue --ca-dir <dir> --rfc RFC --name NOMBRE --password-env VAR --out <base> [--kind efirma|csd]",
    ].join("\n"),
  )
  process.exit(2)
}

function parseArgs(argv) {
  const opts = { _: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a.startsWith("--")) {
      const v = argv[i + 1]
      if (v === undefined || v.startsWith("--")) {
        usage(`falta el valor de ${a}`)
      }
      opts[a.slice(2)] = v
      i++
    } else {
      opts._.push(a)
    }
  }
  return opts
}

function need(opts, name) {
  if (!opts[name]) {
    usage(`falta --${name}`)
  }
  return opts[name]
}

function readJson(file) {
  const text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8")
  try {
    return JSON.parse(text)
  } catch (e) {
    usage(`${file} no es JSON válido: ${e.message}`)
  }
}

function password(opts) {
  const name = need(opts, "password-env")
  const value = process.env[name]
  if (value === undefined) {
    usage(`la variable de entorno ${name} no está definida`)
  }
  return value
}

/** The plugin's compiled e.firma module (same code as the server). */
function serverEfirma() {
  const built = join(here, "..", ".medusa", "server", "src", "efirma", "index.js")
  if (!existsSync(built)) {
    console.error("efirma: compila los plugins primero (node scripts/build-plugins.mjs).")
    process.exit(2)
  }
  return require(built)
}

async function main() {
  const [command, ...rest] = process.argv.slice(2)
  const opts = parseArgs(rest)
  switch (command) {
    case "sign": {
      const cred = await openCredential({
        cer: readFileSync(need(opts, "cer")),
        key: readFileSync(need(opts, "key")),
        password: password(opts),
      })
      const envelope = await signPayload(cred, readJson(need(opts, "payload")))
      const text = JSON.stringify(envelope, null, 2)
      if (opts.out) {
        writeFileSync(opts.out, text + "\n")
        console.error(`Firmado con el certificado ${cred.info.serial} (${cred.info.rfc}); sobre en ${opts.out}.`)
      } else {
        console.log(text)
      }
      return
    }
    case "verify": {
      const ef = serverEfirma()
      const payload = readJson(need(opts, "payload"))
      const envelope = readJson(need(opts, "envelope"))
      const at = opts.at ? new Date(opts.at) : new Date()
      const cert = ef.parseCertificate(envelope.certificate)
      const trust = ef.loadTrustStore(opts.ca ? resolve(opts.ca) : ef.resolveCaBundle())
      ef.assertAcceptableCertificate(cert, { person_rfc: opts.rfc ?? cert.rfc, trust, at })
      const digest = ef.checkSignature(cert, payload, envelope.signature)
      console.log(
        JSON.stringify(
          {
            valid: true,
            certificate_serial: cert.serial,
            rfc: cert.rfc,
            subject_name: cert.subject_name,
            payload_sha256: digest,
            at: at.toISOString(),
          },
          null,
          2,
        ),
      )
      return
    }
    case "describe": {
      const info = describeCertificate(readFileSync(need(opts, "cer")))
      delete info.spki
      console.log(JSON.stringify(info, null, 2))
      return
    }
    case "gen-test-ca": {
      const dir = opts._[0]
      if (!dir) {
        usage("indica el directorio de salida")
      }
      const out = serverEfirma().writeTestCaDirectory(resolve(dir))
      console.log(`AC de pruebas escrita en ${out.dir} (paquete de confianza: ${out.bundle}; ver manifest.json).`)
      return
    }
    case "issue": {
      const ef = serverEfirma()
      const { ca } = ef.loadTestCaDirectory(resolve(need(opts, "ca-dir")))
      const kind = opts.kind ?? "efirma"
      if (!["efirma", "csd"].includes(kind)) {
        usage("--kind debe ser efirma o csd")
      }
      const c = ef.issueCertificate(
        ca,
        { rfc: need(opts, "rfc").toUpperCase(), name: need(opts, "name") },
        { password: password(opts), kind },
      )
      const base = resolve(need(opts, "out"))
      writeFileSync(`${base}.cer`, c.cer_der)
      writeFileSync(`${base}.key`, c.key_der)
      console.log(`Certificado ${kind} ${c.serial} para ${c.rfc}: ${base}.cer, ${base}.key`)
      return
    }
    default:
      usage(command ? `comando desconocido: ${command}` : undefined)
  }
}

main().catch((e) => {
  console.error(`efirma: ${e.code ? `[${e.code}] ` : ""}${e.message}`)
  process.exit(1)
})
