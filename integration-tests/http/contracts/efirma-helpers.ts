import { spawnSync } from "node:child_process"
import { createPrivateKey, sign } from "node:crypto"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import request from "supertest"
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
    expired: issueCertificate(ca, holder, {
      password,
      valid_from: new Date(Date.now() - 4 * 365 * DAY),
      valid_to: new Date(Date.now() - DAY),
    }),
    untrusted: issueCertificate(untrusted, holder, { password }),
  }
}

type Signer = { person_id: string; token: string; actor_type: string }
type SignerContext = {
  baseUrl: () => string
  publishableKey: () => string
  container: () => { resolve: (key: string) => unknown }
  ca: () => TestCa
  /** A token that may read the contract's signing payload (the agency's Purchasing Unit). */
  reader: () => string
}

/**
 * e.firma for the people of a test world, registered over HTTP the first
 * time each one signs, and the signature of a specific contract by one side.
 * Call `reset()` when the database is restored between tests.
 */
export function contractSigners(ctx: SignerContext) {
  const creds = new Map<string, IssuedCredential>()
  const call = (path: string, bearer: string) =>
    request(ctx.baseUrl()).post(path).set("authorization", `Bearer ${bearer}`).set("x-publishable-api-key", ctx.publishableKey())

  async function efirmaOf(actor: Signer): Promise<IssuedCredential> {
    if (!creds.has(actor.person_id)) {
      const orgs = ctx.container().resolve("organization") as { listPeople: (f: object) => Promise<{ rfc: string; full_name: string }[]> }
      const [p] = await orgs.listPeople({ id: actor.person_id })
      const cred = issueCertificate(ctx.ca(), { rfc: p.rfc, name: p.full_name }, { password: "Prueba-Firma-2026" })
      const prefix = actor.actor_type === "supplier" ? "/supplier" : "/store"
      const res = await call(`${prefix}/me/efirma/certificates`, actor.token).send({ certificate: cred.cer_der.toString("base64") })
      expect(res.status).toBe(201)
      creds.set(actor.person_id, cred)
    }
    return creds.get(actor.person_id)!
  }

  /** One side signs a contract with its e.firma; the answer is returned unchecked. */
  async function signContract(contractId: string, side: "agency" | "supplier", actor: Signer) {
    const cred = await efirmaOf(actor)
    const payload = (
      await request(ctx.baseUrl())
        .get(`/store/specific-contracts/${contractId}`)
        .set("authorization", `Bearer ${ctx.reader()}`)
        .set("x-publishable-api-key", ctx.publishableKey())
    ).body.specific_contract.signing_payload
    const prefix = side === "agency" ? "/store" : "/supplier"
    return call(`${prefix}/specific-contracts/${contractId}/sign`, actor.token).send(signWithKeyOf(cred, cred, payload))
  }

  return { efirmaOf, sign: signContract, reset: () => creds.clear() }
}
