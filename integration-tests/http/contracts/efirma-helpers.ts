import { spawnSync } from "node:child_process"
import { createPrivateKey, sign } from "node:crypto"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { canonicalJson } from "@tienda/contracts/utils"
import { issueCertificate, type IssuedCredential, type TestCa } from "@tienda/contracts/efirma"

const CLIENT = pathToFileURL(join(__dirname, "..", "..", "..", "plugins", "contracts", "efirma-client", "index.mjs")).href

export type Envelope = { certificate: string; signature: string }

/**
 * Signs with the browser module (efirma-client) in a separate Node process
 * that has only WebCrypto, as a browser would: .cer + .key + password in,
 * envelope out.
 */
export function signWithClient(cred: IssuedCredential, payload: unknown): Envelope {
  const code = `import { openCredential, signPayload } from ${JSON.stringify(CLIENT)}
const chunks = []
for await (const c of process.stdin) chunks.push(c)
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"))
const b = (s) => new Uint8Array(Buffer.from(s, "base64"))
const cred = await openCredential({ cer: b(input.cer), key: b(input.key), password: input.password })
process.stdout.write(JSON.stringify(await signPayload(cred, input.payload)))`
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    input: JSON.stringify({ cer: cred.cer_der.toString("base64"), key: cred.key_der.toString("base64"), password: cred.password, payload }),
    encoding: "utf8",
    env,
  })
  if (r.status !== 0) {
    throw new Error(`efirma-client failed: ${r.stderr}`)
  }
  return JSON.parse(r.stdout) as Envelope
}

/** Signature with `keyOf`'s private key, presented with `certOf`'s certificate (wrong-key case). */
export function signWithKeyOf(keyOf: IssuedCredential, certOf: IssuedCredential, payload: unknown): Envelope {
  const key = createPrivateKey({ key: keyOf.key_der, format: "der", type: "pkcs8", passphrase: keyOf.password })
  return {
    certificate: certOf.cer_der.toString("base64"),
    signature: sign("sha256", Buffer.from(canonicalJson(payload), "utf8"), key).toString("base64"),
  }
}

export const DAY = 24 * 3600 * 1000

const issued = new Map<string, ReturnType<typeof issueAll>>()

/** The credentials a test needs for one person (RFC + name); issued once per person and CA. */
export function credentialsFor(ca: TestCa, untrusted: TestCa, person: { rfc: string; full_name: string }) {
  const key = `${ca.cert_der.toString("base64").slice(-40)}:${person.rfc}`
  if (!issued.has(key)) {
    issued.set(key, issueAll(ca, untrusted, person))
  }
  return issued.get(key)!
}

function issueAll(ca: TestCa, untrusted: TestCa, person: { rfc: string; full_name: string }) {
  const holder = { rfc: person.rfc, name: person.full_name }
  const password = "Prueba-Firma-2026"
  return {
    efirma: issueCertificate(ca, holder, { password }),
    second: issueCertificate(ca, holder, { password }),
    csd: issueCertificate(ca, holder, { password, kind: "csd" }),
    expired: issueCertificate(ca, holder, { password, valid_from: new Date(Date.now() - 4 * 365 * DAY), valid_to: new Date(Date.now() - DAY) }),
    untrusted: issueCertificate(untrusted, holder, { password }),
  }
}
