import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { caKeyPem, createTestCa, issueCertificate, loadTestCa, type CertificateHolder, type IssuedCredential, type TestCa } from "./test-ca"

/** Password of every `.key` written under fixtures/ by writeTestCaDirectory. */
export const TEST_KEY_PASSWORD = "Prueba-eFirma-2026"

/** The sample holder of the fixtures (fictitious persona física). */
export const SAMPLE_HOLDER: CertificateHolder = {
  rfc: "PEPJ800101AB7",
  name: "Juana Pérez Pérez",
  email: "juana.perez@prueba.gob.mx",
}

export type TestCaDirectory = {
  dir: string
  /** The file to point EFIRMA_CA_BUNDLE at (the trusted root only). */
  bundle: string
  ca: TestCa
  untrusted: TestCa
}

const DAY = 24 * 3600 * 1000

function writeCredential(dir: string, base: string, c: IssuedCredential) {
  writeFileSync(join(dir, `${base}.cer`), c.cer_der)
  writeFileSync(join(dir, `${base}.key`), c.key_der)
}

function pem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der
    .toString("base64")
    .match(/.{1,64}/g)!
    .join("\n")}\n-----END CERTIFICATE-----\n`
}

/**
 * Writes a complete test PKI into `dir` (overwriting):
 *   ca.cer / ca.pem / ca-key.pem           trusted root "AC de pruebas Tienda Digital"
 *   untrusted/ca.cer / ca-key.pem          a CA that is NOT in the bundle
 *   fixtures/efirma.{cer,key}             valid e.firma of SAMPLE_HOLDER
 *   fixtures/otra-efirma.{cer,key}        a second valid e.firma of the same holder (wrong-key tests)
 *   fixtures/csd.{cer,key}                CSD (sello digital, has OU) of the holder
 *   fixtures/vencido.{cer,key}            e.firma expired yesterday
 *   fixtures/no-confiable.{cer,key}       e.firma issued by the untrusted CA
 *   manifest.json                          what is where, serials, password
 * Keys: encrypted PKCS#8 DER, password TEST_KEY_PASSWORD. The CA keys are
 * unencrypted PEM on purpose: this is a throwaway test PKI.
 */
export function writeTestCaDirectory(dir: string, holder: CertificateHolder = SAMPLE_HOLDER): TestCaDirectory {
  mkdirSync(join(dir, "untrusted"), { recursive: true })
  mkdirSync(join(dir, "fixtures"), { recursive: true })
  const ca = createTestCa()
  const untrusted = createTestCa({ name: "AC desconocida (no confiable)" })
  writeFileSync(join(dir, "ca.cer"), ca.cert_der)
  writeFileSync(join(dir, "ca.pem"), pem(ca.cert_der))
  writeFileSync(join(dir, "ca-key.pem"), caKeyPem(ca))
  writeFileSync(join(dir, "untrusted", "ca.cer"), untrusted.cert_der)
  writeFileSync(join(dir, "untrusted", "ca-key.pem"), caKeyPem(untrusted))
  const password = TEST_KEY_PASSWORD
  const now = Date.now()
  const fixtures = {
    efirma: issueCertificate(ca, holder, { password }),
    "otra-efirma": issueCertificate(ca, holder, { password }),
    csd: issueCertificate(ca, holder, { password, kind: "csd" }),
    vencido: issueCertificate(ca, holder, {
      password,
      valid_from: new Date(now - 4 * 365 * DAY),
      valid_to: new Date(now - DAY),
    }),
    "no-confiable": issueCertificate(untrusted, holder, { password }),
  }
  for (const [name, c] of Object.entries(fixtures)) {
    writeCredential(join(dir, "fixtures"), name, c)
  }
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify(
      {
        warning: "AC de PRUEBAS generada por Tienda Digital. Sin validez legal; nunca la uses en producción.",
        bundle: "ca.cer",
        ca: { name: ca.name, file: "ca.cer", key: "ca-key.pem" },
        untrusted_ca: { name: untrusted.name, file: "untrusted/ca.cer" },
        holder,
        key_password: password,
        fixtures: Object.fromEntries(
          Object.entries(fixtures).map(([name, c]) => [
            name,
            {
              cer: `fixtures/${name}.cer`,
              key: `fixtures/${name}.key`,
              serial: c.serial,
              kind: c.kind,
              rfc: c.rfc,
              valid_from: c.valid_from,
              valid_to: c.valid_to,
            },
          ]),
        ),
      },
      null,
      2,
    ),
  )
  return { dir, bundle: join(dir, "ca.cer"), ca, untrusted }
}

/** Loads the trusted CA of a directory written by writeTestCaDirectory. */
export function loadTestCaDirectory(dir: string): TestCaDirectory {
  return {
    dir,
    bundle: join(dir, "ca.cer"),
    ca: loadTestCa(readFileSync(join(dir, "ca.cer")), readFileSync(join(dir, "ca-key.pem"), "utf8")),
    untrusted: loadTestCa(readFileSync(join(dir, "untrusted", "ca.cer")), readFileSync(join(dir, "untrusted", "ca-key.pem"), "utf8")),
  }
}

/**
 * Returns the test PKI in `dir`, generating it first when missing. Safe when
 * several processes race (server and seed): each writes a private temporary
 * directory and renames it into place; the loser uses the winner's.
 */
export function ensureTestCaDirectory(dir: string): TestCaDirectory {
  if (existsSync(join(dir, "manifest.json"))) {
    return loadTestCaDirectory(dir)
  }
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`
  writeTestCaDirectory(tmp)
  try {
    if (existsSync(dir)) {
      // A partial directory without manifest: replace it.
      rmSync(dir, { recursive: true, force: true })
    }
    renameSync(tmp, dir)
  } catch {
    rmSync(tmp, { recursive: true, force: true })
  }
  return loadTestCaDirectory(dir)
}
