import forge from "node-forge"
import { spawnSync } from "node:child_process"
import { createCipheriv, createPrivateKey, pbkdf2Sync, randomBytes } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { canonicalJson } from "../utils/canonical-json"
import { parseCertificate } from "./certificate"
import { issueCertificate } from "./test-ca"
import { SAMPLE_HOLDER, TEST_KEY_PASSWORD, writeTestCaDirectory, type TestCaDirectory } from "./test-ca-files"
import { checkSignature } from "./verify"

/**
 * The browser signing module (efirma-client/*.mjs) runs here exactly as in
 * a browser: a separate Node process with only WebCrypto, importing the
 * plain ES module. The server code then verifies what it produced.
 */
const CLIENT = pathToFileURL(join(__dirname, "..", "..", "efirma-client", "index.mjs")).href

function runClient<T>(body: string, input: unknown): T {
  const code = `import * as client from ${JSON.stringify(CLIENT)}
const chunks = []
for await (const c of process.stdin) chunks.push(c)
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"))
const b64 = (s) => new Uint8Array(Buffer.from(s, "base64"))
const run = async () => { ${body} }
try { process.stdout.write(JSON.stringify({ ok: await run() })) }
catch (e) { process.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message } })) }`
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    input: JSON.stringify(input),
    encoding: "utf8",
    env,
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) {
    throw new Error(`client process failed: ${r.stderr}`)
  }
  return JSON.parse(r.stdout) as T
}

let dir: string
let pki: TestCaDirectory
const b64 = (name: string, ext: "cer" | "key") => readFileSync(join(dir, "fixtures", `${name}.${ext}`)).toString("base64")
type Envelope = { certificate: string; signature: string }
type Result<T> = { ok?: T; error?: { code: string; message: string } }

const SIGN = `const cred = await client.openCredential({ cer: b64(input.cer), key: b64(input.key), password: input.password })
return { envelope: await client.signPayload(cred, input.payload), info: { ...cred.info, spki: undefined } }`

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "efirma-client-"))
  pki = writeTestCaDirectory(dir)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("e.firma signing client under Node's WebCrypto", () => {
  const payload = { accion: "requisicion.aprobada", importe: "15230.40", fecha: "2026-11-22", notas: ["ñ", "😀", "\u0007"] }

  it("opens the encrypted .key (PBES2/AES-256-CBC), signs, and the server verifies the envelope", () => {
    const r = runClient<Result<{ envelope: Envelope; info: { serial: string; rfc: string; is_csd: boolean } }>>(SIGN, {
      cer: b64("efirma", "cer"),
      key: b64("efirma", "key"),
      password: TEST_KEY_PASSWORD,
      payload,
    })
    expect(r.error).toBeUndefined()
    const cert = parseCertificate(r.ok!.envelope.certificate)
    expect(r.ok!.info).toMatchObject({ serial: cert.serial, rfc: SAMPLE_HOLDER.rfc, is_csd: false })
    expect(checkSignature(cert, payload, r.ok!.envelope.signature)).toMatch(/^[0-9a-f]{64}$/)
    expect(() => checkSignature(cert, { ...payload, importe: "15230.41" }, r.ok!.envelope.signature)).toThrow(/modificado/)
  })

  it("opens a SAT-style key encrypted with DES-EDE3-CBC / PBKDF2-HMAC-SHA1 (what SAT issues)", () => {
    const issued = issueCertificate(pki.ca, SAMPLE_HOLDER, { password: TEST_KEY_PASSWORD })
    const plain = createPrivateKey({ key: issued.key_der, format: "der", type: "pkcs8", passphrase: TEST_KEY_PASSWORD })
    // EncryptedPrivateKeyInfo { PBES2 { PBKDF2 { salt, 2048 } (PRF absent = HMAC-SHA1), DES-EDE3-CBC { iv } }, data }
    const salt = randomBytes(8)
    const iv = randomBytes(8)
    const derived = pbkdf2Sync("Clave SAT 3DES", salt, 2048, 24, "sha1")
    const cipher = createCipheriv("des-ede3-cbc", derived, iv)
    const data = Buffer.concat([cipher.update(plain.export({ type: "pkcs8", format: "der" }) as Buffer), cipher.final()])
    const a = forge.asn1
    const bytes = (b: Buffer) => a.create(a.Class.UNIVERSAL, a.Type.OCTETSTRING, false, b.toString("binary"))
    const oid = (o: string) => a.create(a.Class.UNIVERSAL, a.Type.OID, false, a.oidToDer(o).getBytes())
    const seq = (...xs: forge.asn1.Asn1[]) => a.create(a.Class.UNIVERSAL, a.Type.SEQUENCE, true, xs)
    const epki = seq(
      seq(
        oid("1.2.840.113549.1.5.13"),
        seq(
          seq(
            oid("1.2.840.113549.1.5.12"),
            seq(bytes(salt), a.create(a.Class.UNIVERSAL, a.Type.INTEGER, false, a.integerToDer(2048).getBytes())),
          ),
          seq(oid("1.2.840.113549.3.7"), bytes(iv)),
        ),
      ),
      bytes(data),
    )
    const der = Buffer.from(a.toDer(epki).getBytes(), "binary")
    // OpenSSL reads it as a standard encrypted PKCS#8 key, like a SAT .key.
    expect(createPrivateKey({ key: der, format: "der", type: "pkcs8", passphrase: "Clave SAT 3DES" }).asymmetricKeyType).toBe("rsa")
    const r = runClient<Result<{ envelope: Envelope }>>(SIGN, {
      cer: issued.cer_der.toString("base64"),
      key: der.toString("base64"),
      password: "Clave SAT 3DES",
      payload,
    })
    expect(r.error).toBeUndefined()
    expect(checkSignature(parseCertificate(issued.cer_der), payload, r.ok!.envelope.signature)).toMatch(/^[0-9a-f]{64}$/)
    const wrong = runClient<Result<unknown>>(SIGN, {
      cer: issued.cer_der.toString("base64"),
      key: der.toString("base64"),
      password: "otra",
      payload,
    })
    expect(wrong.error?.code).toBe("CONTRASENA_INCORRECTA")
  })

  it("refuses a wrong password, a key of another certificate and a non-key file, in Spanish", () => {
    const wrong = runClient<Result<unknown>>(SIGN, { cer: b64("efirma", "cer"), key: b64("efirma", "key"), password: "no-es", payload })
    expect(wrong.error).toEqual({ code: "CONTRASENA_INCORRECTA", message: expect.stringContaining("la contraseña es incorrecta") })
    const mismatch = runClient<Result<unknown>>(SIGN, {
      cer: b64("otra-efirma", "cer"),
      key: b64("efirma", "key"),
      password: TEST_KEY_PASSWORD,
      payload,
    })
    expect(mismatch.error).toEqual({ code: "LLAVE_NO_CORRESPONDE", message: expect.stringContaining("no corresponde al certificado") })
    const notKey = runClient<Result<unknown>>(SIGN, {
      cer: b64("efirma", "cer"),
      key: Buffer.from("hola").toString("base64"),
      password: "x",
      payload,
    })
    expect(notKey.error?.code).toBe("LLAVE_INVALIDA")
  })

  it("describes a CSD as such, so the UI can stop before signing", () => {
    const r = runClient<Result<{ is_csd: boolean; rfc: string }>>(
      "return { ...client.describeCertificate(b64(input.cer)), spki: undefined }",
      { cer: b64("csd", "cer") },
    )
    expect(r.ok).toMatchObject({ is_csd: true, rfc: SAMPLE_HOLDER.rfc })
  })
})

// ---------------------------------------------------------------- canonical JSON cross-check

/** Deterministic PRNG (mulberry32) so a failure is reproducible. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = ["a", "B", "é", "É", "ñ", "€", "\u0000", "\u001f", '"', "\\", "/", "\u2028", "😀", "\ud800", "z", "0", " ", "\n", "\u00e9"]
const NUMBERS = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345680000, 5e-324, 1.7976931348623157e308, -2.5, 1 / 3, 100, 2 ** 53, 0.000001]

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const str = () => Array.from({ length: Math.floor(rand() * 6) }, () => pick(ALPHABET)).join("")
  const kind = Math.floor(rand() * (depth > 3 ? 6 : 9))
  switch (kind) {
    case 0:
      return null
    case 1:
      return rand() < 0.5
    case 2:
      return pick(NUMBERS)
    case 3:
      return (rand() - 0.5) * 10 ** Math.floor(rand() * 30 - 10)
    case 4:
      return str()
    case 5:
      return new Date(Math.floor(rand() * 4e12))
    case 6:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1))
    default: {
      const o: Record<string, unknown> = {}
      for (let i = Math.floor(rand() * 5); i > 0; i--) {
        o[str()] = rand() < 0.1 ? undefined : randomValue(rand, depth + 1)
      }
      return o
    }
  }
}

/** JSON transport that keeps what JSON cannot carry (undefined, -0, Dates, key order). */
function encode(v: unknown): unknown {
  if (v === undefined) {
    return { $t: "undef" }
  }
  if (typeof v === "number") {
    return Object.is(v, -0) ? { $t: "negzero" } : Number.isFinite(v) ? v : { $t: "num", v: String(v) }
  }
  if (typeof v === "bigint") {
    return { $t: "bigint", v: String(v) }
  }
  if (v instanceof Date) {
    return { $t: "date", v: v.getTime() }
  }
  if (Array.isArray(v)) {
    return { $t: "arr", v: v.map(encode) }
  }
  if (v && typeof v === "object") {
    return { $t: "obj", v: Object.entries(v).map(([k, x]) => [k, encode(x)]) }
  }
  return v
}
const DECODE = `const decode = (v) => {
  if (v === null || typeof v !== "object") return v
  switch (v.$t) {
    case "undef": return undefined
    case "negzero": return -0
    case "num": return Number(v.v)
    case "bigint": return BigInt(v.v)
    case "date": return new Date(v.v)
    case "arr": return v.v.map(decode)
    case "obj": return Object.fromEntries(v.v.map(([k, x]) => [k, decode(x)]))
  }
}`

describe("canonical JSON: client and server write the same bytes", () => {
  it("for 1,500 random documents (unicode, control characters, lone surrogates, number edge cases, dates, undefined)", () => {
    const rand = prng(20261122)
    const values = Array.from({ length: 1500 }, () => randomValue(rand))
    const server = values.map((v) => canonicalJson(v))
    const client = runClient<Result<string[]>>(`${DECODE}\nreturn input.map((v) => client.canonicalJson(decode(v)))`, values.map(encode))
    expect(client.error).toBeUndefined()
    const firstDiff = server.findIndex((s, i) => s !== client.ok![i])
    expect(firstDiff).toBe(-1)
    // …and the same UTF-8 digest.
    const digests = runClient<Result<string[]>>(`return Promise.all(input.map((s) => client.sha256Hex(s)))`, server.slice(0, 50))
    expect(digests.ok).toEqual(server.slice(0, 50).map((s) => require("node:crypto").createHash("sha256").update(s, "utf8").digest("hex")))
  })

  it("refuses the same values with the same message", () => {
    const bad: unknown[] = [{ a: Number.NaN }, [1, undefined], { n: { x: Infinity } }, { b: BigInt(7) }]
    const server = bad.map((v) => {
      try {
        canonicalJson(v)
        return "accepted"
      } catch (e) {
        return (e as Error).message
      }
    })
    const client = runClient<Result<string[]>>(
      `${DECODE}\nreturn input.map((v) => { try { client.canonicalJson(decode(v)); return "accepted" } catch (e) { return e.message } })`,
      bad.map(encode),
    )
    expect(client.ok).toEqual(server)
    expect(server.every((m) => m.startsWith("El documento no se puede serializar"))).toBe(true)
  })
})
