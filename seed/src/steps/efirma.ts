import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { dataDir, ensureTestCaDirectory, defaultTestCaDir, issueCertificate, loadTestCaDirectory } from "@tienda/contracts/efirma"
import { registerEfirmaCertificateWorkflow } from "@tienda/contracts/workflows"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import type { DemoLogin } from "./organizations"

/** Password of every demo `.key` (documented in docs/efirma.md). */
export const DEMO_EFIRMA_PASSWORD = "eFirma-Demo-2026"

/** Account types that sign with e.firma in the demo. */
const SIGNERS = new Set(["customer", "supplier", "user"])

type IndexEntry = { email: string; person_id: string; rfc: string; serial: string; cer: string; key: string }
type Person = { id: string; email: string; rfc: string; full_name: string }
type Registry = { listEfirmaCertificates: (f: object, c?: object) => Promise<{ serial: string; status: string }[]> }

/**
 * Where the demo's certificates come from: the project's test CA, unless
 * EFIRMA_CA_BUNDLE points elsewhere. A bundle written by `efirma gen-test-ca`
 * (ca.cer next to ca-key.pem) is a test CA too; any other bundle means real
 * SAT authorities, and then no demo certificate is issued.
 */
function testCaDir(): string | null {
  const bundle = process.env.EFIRMA_CA_BUNDLE
  if (!bundle) {
    return process.env.NODE_ENV === "production" ? null : ensureTestCaDirectory(defaultTestCaDir()).dir
  }
  const dir = dirname(bundle)
  return existsSync(join(dir, "ca-key.pem")) && existsSync(join(dir, "manifest.json")) ? dir : null
}

/**
 * e.firma for the demo accounts (one per role, the ones `npm start` prints)
 * that sign: a certificate from the project's test CA, registered through the
 * same workflow users go through, with its `.cer`/`.key` written to
 * .data/efirma-demo/ (EFIRMA_DEMO_DIR) so the storefront and the CLI can sign.
 * Idempotent: a person whose registered certificate still has its files is
 * skipped.
 */
export async function seedEfirma({ container }: ExecArgs, logins: DemoLogin[]) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const caDir = testCaDir()
  if (!caDir) {
    logger.info("seed: e.firma demo certificates skipped (EFIRMA_CA_BUNDLE names real authorities)")
    return { issued: 0, dir: null }
  }
  const { ca } = loadTestCaDirectory(caDir)
  const out = process.env.EFIRMA_DEMO_DIR || join(dataDir(), "efirma-demo")
  mkdirSync(out, { recursive: true })
  const indexFile = join(out, "index.json")
  const index: Record<string, IndexEntry> = existsSync(indexFile) ? JSON.parse(readFileSync(indexFile, "utf8")) : {}
  const orgs = container.resolve<{ listPeople: (f: object, c?: object) => Promise<Person[]> }>("organization")
  const registry = container.resolve<Registry>("efirma")
  let issued = 0
  for (const login of logins.filter((l) => SIGNERS.has(l.actor_type))) {
    const [person] = await orgs.listPeople({ email: login.email }, { take: 1 })
    if (!person) {
      continue
    }
    const known = index[login.email]
    if (known && known.person_id === person.id && existsSync(join(out, known.cer)) && existsSync(join(out, known.key))) {
      const [row] = await registry.listEfirmaCertificates({ serial: known.serial, person_id: person.id }, { take: 1 })
      if (row?.status === "active") {
        continue
      }
    }
    const cred = issueCertificate(ca, { rfc: person.rfc, name: person.full_name, email: person.email }, { password: DEMO_EFIRMA_PASSWORD })
    await registerEfirmaCertificateWorkflow(container).run({
      input: {
        person_id: person.id,
        certificate: cred.cer_der.toString("base64"),
        actor: { actor_type: "system", actor_id: "seed", role: null },
      },
    })
    const base = login.email.replace(/[^a-zA-Z0-9._-]/g, "_")
    writeFileSync(join(out, `${base}.cer`), cred.cer_der)
    writeFileSync(join(out, `${base}.key`), cred.key_der)
    index[login.email] = {
      email: login.email,
      person_id: person.id,
      rfc: person.rfc,
      serial: cred.serial,
      cer: `${base}.cer`,
      key: `${base}.key`,
    }
    issued++
  }
  writeFileSync(indexFile, JSON.stringify(index, null, 2))
  writeFileSync(
    join(out, "LEEME.txt"),
    [
      "Certificados de e.firma de DEMOSTRACIÓN (AC de pruebas de Tienda Digital; sin validez legal).",
      `Contraseña de todas las llaves .key: ${DEMO_EFIRMA_PASSWORD}`,
      "index.json relaciona cada cuenta de demostración con su .cer/.key. Ver docs/efirma.md.",
      "",
    ].join("\n"),
  )
  logger.info(`seed: e.firma demo certificates +${issued} (${out})`)
  return { issued, dir: out }
}
