import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { writeTestCaDirectory, type TestCaDirectory } from "@tienda/contracts/efirma"
import { appendAuditEntryStep, verifyEfirmaSignatureStep } from "@tienda/contracts/workflows"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { seedEfirma, DEMO_EFIRMA_PASSWORD } from "../../../seed/src/steps/efirma"
import { describeApp } from "../../utils/runner"
import { credentialsFor, signWithClient, signWithKeyOf, type Envelope } from "./efirma-helpers"
import type { IssuedCredential } from "@tienda/contracts/efirma"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE (read lazily at
// the first verification, so setting it here, before the app starts, works).
const pki: TestCaDirectory = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "efirma-http-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle
afterAll(() => {
  delete process.env.EFIRMA_CA_BUNDLE
})

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
type Person = { id: string; rfc: string; full_name: string }

/** A signed action: verify first, then record it with its signature (the pattern other workflows follow). */
const signedActionWorkflow = createWorkflow(
  "contracts-test-signed-action",
  (input: WorkflowData<{ person_id: string; payload: Record<string, unknown>; envelope: Envelope }>) => {
    const verified = verifyEfirmaSignatureStep(input)
    const entry = appendAuditEntryStep(
      transform({ input, verified }, ({ input, verified }) => ({
        actor_type: "customer",
        actor_id: input.person_id,
        role: "purchasing_unit",
        action: "prueba.firmada",
        entity_type: "prueba",
        entity_id: "prb_1",
        after_digest: verified.payload_sha256,
        signature: input.envelope.signature,
        certificate_serial: verified.certificate_serial,
      })),
    )
    return new WorkflowResponse({ verified, entry })
  },
)

describeApp("e.firma: certificates and signatures", ({ world, baseUrl, container }) => {
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const person = async (id: string): Promise<Person> => {
    const orgs = container().resolve("organization") as { listPeople: (f: object) => Promise<Person[]> }
    const [p] = await orgs.listPeople({ id })
    return p
  }
  const store = (method: "get" | "post", path: string, token?: string) => {
    const r = request(baseUrl())[method](path).set("x-publishable-api-key", world().publishableKey)
    return token ? r.set("authorization", `Bearer ${token}`) : r
  }
  const as = (method: "get" | "post", path: string, token: string) =>
    request(baseUrl())[method](path).set("authorization", `Bearer ${token}`)
  const count = async (table: string) => Number((await pg().raw(`select count(*)::int as n from ${table}`)).rows[0].n)
  const buyer = () => world().actors.purchasing_unit
  const buyerCreds = async () => credentialsFor(pki.ca, pki.untrusted, await person(buyer().person_id))
  const register = (token: string, cer: Buffer, prefix = "/store") =>
    (prefix === "/store"
      ? store("post", `${prefix}/me/efirma/certificates`, token)
      : as("post", `${prefix}/me/efirma/certificates`, token)
    ).send({
      certificate: cer.toString("base64"),
    })
  const payload = {
    accion: "contrato_especifico.firmar",
    contrato: "CE-2026-000123",
    total: "115230.40",
    partes: { dependencia: "SSA", proveedor: "PIB040312A15" },
    nota: "Entrega en almacén — Guadalajara, Jal.",
  }

  it("registers the caller's e.firma, lists it, and records the registration in the audit ledger", async () => {
    const creds = await buyerCreds()
    const res = await register(buyer().token, creds.efirma.cer_der)
    expect(res.status).toBe(201)
    expect(res.body.certificate).toMatchObject({
      person_id: buyer().person_id,
      serial: creds.efirma.serial,
      rfc: (await person(buyer().person_id)).rfc,
      status: "active",
    })
    expect(res.body.certificate).not.toHaveProperty("der")
    const list = await store("get", "/store/me/efirma/certificates", buyer().token)
    expect(list.status).toBe(200)
    expect(list.body.certificates.map((c: { serial: string }) => c.serial)).toEqual([creds.efirma.serial])
    const { rows } = await pg().raw(
      "select action, entity_id, certificate_serial, actor_id from audit_entry where action like 'efirma.%' order by sequence",
    )
    expect(rows).toEqual([
      {
        action: "efirma.certificado.registrado",
        entity_id: res.body.certificate.id,
        certificate_serial: creds.efirma.serial,
        actor_id: expect.any(String),
      },
    ])
    const again = await register(buyer().token, creds.efirma.cer_der)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      code: "CERTIFICADO_YA_REGISTRADO",
      message: expect.stringContaining("ya está registrado a tu nombre"),
    })
  })

  it("accepts a valid e.firma signature made by the browser module under Node's WebCrypto (HTTP dry run and workflow)", async () => {
    const creds = await buyerCreds()
    await register(buyer().token, creds.efirma.cer_der).expect(201)
    const envelope = signWithClient(creds.efirma, payload)
    const res = await store("post", "/store/me/efirma/verify", buyer().token).send({ payload, envelope })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      valid: true,
      certificate_serial: creds.efirma.serial,
      rfc: (await person(buyer().person_id)).rfc,
      subject_name: (await person(buyer().person_id)).full_name,
      payload_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    const before = await count("audit_entry")
    const { result } = await signedActionWorkflow(container()).run({ input: { person_id: buyer().person_id, payload, envelope } })
    expect(result.verified.payload_sha256).toBe(res.body.payload_sha256)
    expect(await count("audit_entry")).toBe(before + 1)
    const { rows } = await pg().raw("select signature, certificate_serial from audit_entry where action = 'prueba.firmada'")
    expect(rows).toEqual([{ signature: envelope.signature, certificate_serial: creds.efirma.serial }])
  })

  describe("refuses each bad signature with its specific message, and stores nothing", () => {
    const cases: [
      string,
      (
        c: Awaited<ReturnType<typeof credentialsFor>>,
        other: Awaited<ReturnType<typeof credentialsFor>>,
      ) => { envelope: Envelope; payload: unknown },
      string,
      RegExp,
    ][] = [
      [
        "wrong private key",
        (c) => ({ envelope: signWithKeyOf(c.second, c.efirma, payload), payload }),
        "FIRMA_INVALIDA",
        /se firmó con una llave privada que no corresponde/,
      ],
      [
        "altered document",
        (c) => ({ envelope: signWithClient(c.efirma, payload), payload: { ...payload, total: "915230.40" } }),
        "FIRMA_INVALIDA",
        /el documento fue modificado después de firmarse/,
      ],
      [
        "expired certificate",
        (c) => ({ envelope: signWithClient(c.expired, payload), payload }),
        "CERTIFICADO_VENCIDO",
        /venció el .*renuévalo ante el SAT/,
      ],
      [
        "CSD instead of e.firma",
        (c) => ({ envelope: signWithClient(c.csd, payload), payload }),
        "CERTIFICADO_NO_ES_EFIRMA",
        /Certificado de Sello Digital \(CSD\)/,
      ],
      [
        "RFC mismatch (another person's e.firma)",
        (_c, other) => ({ envelope: signWithClient(other.efirma, payload), payload }),
        "RFC_NO_COINCIDE",
        /El RFC del certificado \(.+\) no coincide con el RFC de la persona/,
      ],
      [
        "untrusted issuer",
        (c) => ({ envelope: signWithClient(c.untrusted, payload), payload }),
        "CERTIFICADO_NO_CONFIABLE",
        /no fue emitido por una autoridad certificadora reconocida/,
      ],
      [
        "certificate not registered",
        (c) => ({ envelope: signWithClient(c.second, payload), payload }),
        "CERTIFICADO_NO_REGISTRADO",
        /no está registrado a tu nombre/,
      ],
    ]
    it.each(cases)("%s", async (_name, make, code, message) => {
      const creds = await buyerCreds()
      const other = credentialsFor(pki.ca, pki.untrusted, await person(world().actors.requiring_unit.person_id))
      await register(buyer().token, creds.efirma.cer_der).expect(201)
      const { envelope, payload: sent } = make(creds, other)
      const entries = await count("audit_entry")
      const certs = await count("efirma_certificate")

      const res = await store("post", "/store/me/efirma/verify", buyer().token).send({ payload: sent, envelope })
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ code, message: expect.stringMatching(message) })

      const { errors } = await signedActionWorkflow(container()).run({
        input: { person_id: buyer().person_id, payload: sent as Record<string, unknown>, envelope },
        throwOnError: false,
      })
      expect(errors[0]?.error).toMatchObject({ code, message: expect.stringMatching(message) })
      expect(await count("audit_entry")).toBe(entries)
      expect(await count("efirma_certificate")).toBe(certs)
    })
  })

  it("refuses signatures with a revoked certificate; revocation is audited", async () => {
    const creds = await buyerCreds()
    const reg = await register(buyer().token, creds.efirma.cer_der).expect(201)
    const revoke = await store("post", `/store/me/efirma/certificates/${reg.body.certificate.id}/revoke`, buyer().token).send({
      reason: "Extravío de la llave privada",
    })
    expect(revoke.status).toBe(200)
    expect(revoke.body.certificate).toMatchObject({ status: "revoked", revocation_reason: "Extravío de la llave privada" })
    const res = await store("post", "/store/me/efirma/verify", buyer().token).send({
      payload,
      envelope: signWithClient(creds.efirma, payload),
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: "CERTIFICADO_REVOCADO", message: expect.stringContaining("fue revocado") })
    const again = await register(buyer().token, creds.efirma.cer_der)
    expect(again.body.code).toBe("CERTIFICADO_REVOCADO")
    const { rows } = await pg().raw("select action from audit_entry where action like 'efirma.%' order by sequence")
    expect(rows.map((r) => r.action)).toEqual(["efirma.certificado.registrado", "efirma.certificado.revocado"])
  })

  describe("registration denials", () => {
    it("refuses invalid certificates at registration with the same specific messages and stores nothing", async () => {
      const creds = await buyerCreds()
      const other = credentialsFor(pki.ca, pki.untrusted, await person(world().actors.requiring_unit.person_id))
      const expectations: [Buffer, string][] = [
        [other.efirma.cer_der, "RFC_NO_COINCIDE"],
        [creds.csd.cer_der, "CERTIFICADO_NO_ES_EFIRMA"],
        [creds.expired.cer_der, "CERTIFICADO_VENCIDO"],
        [creds.untrusted.cer_der, "CERTIFICADO_NO_CONFIABLE"],
        [
          Buffer.from(
            "esto no es un certificado X.509, es texto plano que ocupa más de cien caracteres para pasar la validación de longitud",
          ),
          "CERTIFICADO_INVALIDO",
        ],
      ]
      for (const [cer, code] of expectations) {
        const res = await register(buyer().token, cer)
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code })
      }
      expect(await count("efirma_certificate")).toBe(0)
      const { rows } = await pg().raw("select action from audit_entry where action like 'efirma.%'")
      expect(rows).toEqual([])
    })

    it("requires login, the right account type and permission, and shows each person only their own certificates", async () => {
      const creds = await buyerCreds()
      const anon = await store("post", "/store/me/efirma/certificates").send({ certificate: creds.efirma.cer_der.toString("base64") })
      expect(anon.status).toBe(401)
      expect(anon.body.code).toBe("NO_AUTENTICADO")
      const wrongType = await as("post", "/supplier/me/efirma/certificates", buyer().token).send({
        certificate: creds.efirma.cer_der.toString("base64"),
      })
      expect(wrongType.status).toBe(403)
      expect(wrongType.body.code).toBe("TIPO_DE_CUENTA_NO_PERMITIDO")

      const reg = await register(buyer().token, creds.efirma.cer_der).expect(201)
      const colleague = world().actors.requiring_unit
      const theirs = await store("get", "/store/me/efirma/certificates", colleague.token)
      expect(theirs.body.certificates).toEqual([])
      const steal = await store("post", `/store/me/efirma/certificates/${reg.body.certificate.id}/revoke`, colleague.token).send({
        reason: "No es mío",
      })
      expect(steal.status).toBe(404)
      expect(steal.body.code).toBe("CERTIFICADO_NO_ENCONTRADO")
      // The colleague cannot register the buyer's certificate either (not their RFC).
      const taken = await register(colleague.token, creds.efirma.cer_der)
      expect(taken.body.code).toBe("RFC_NO_COINCIDE")

      const notAdmin = await as(
        "post",
        `/admin/efirma/certificates/${reg.body.certificate.id}/revoke`,
        world().actors.shcp_contract_admin.token,
      ).send({ reason: "Prueba" })
      expect(notAdmin.status).toBe(403)
      expect(notAdmin.body.code).toBe("PERMISO_DENEGADO")
      const auditorList = await as("get", "/admin/efirma/certificates", world().actors.auditor.token)
      expect(auditorList.status).toBe(401)
    })

    it("lets the system administrator list and revoke anyone's certificate", async () => {
      const creds = await buyerCreds()
      const reg = await register(buyer().token, creds.efirma.cer_der).expect(201)
      const admin = world().actors.system_admin.token
      const list = await as("get", `/admin/efirma/certificates?person_id=${buyer().person_id}`, admin)
      expect(list.status).toBe(200)
      expect(list.body.certificates.map((c: { id: string }) => c.id)).toEqual([reg.body.certificate.id])
      const revoked = await as("post", `/admin/efirma/certificates/${reg.body.certificate.id}/revoke`, admin).send({
        reason: "Baja del servidor público",
      })
      expect(revoked.status).toBe(200)
      expect(revoked.body.certificate.status).toBe("revoked")
    })
  })

  it("a supplier registers and signs through /supplier", async () => {
    const supplier = world().actors.supplier_user
    const creds = credentialsFor(pki.ca, pki.untrusted, await person(supplier.person_id))
    const reg = await register(supplier.token, creds.efirma.cer_der, "/supplier")
    expect(reg.status).toBe(201)
    const res = await as("post", "/supplier/me/efirma/verify", supplier.token).send({
      payload,
      envelope: signWithClient(creds.efirma, payload),
    })
    expect(res.status).toBe(200)
    expect(res.body.certificate_serial).toBe(creds.efirma.serial)
    // A buyer cannot use the supplier's signature as their own.
    const asBuyer = await store("post", "/store/me/efirma/verify", buyer().token).send({
      payload,
      envelope: signWithClient(creds.efirma, payload),
    })
    expect(asBuyer.body.code).toBe("RFC_NO_COINCIDE")
  })
  it("keeps the registry: DELETE and changes of registered data are refused by the database", async () => {
    const creds = await buyerCreds()
    const reg = await register(buyer().token, creds.efirma.cer_der).expect(201)
    await expect(pg().raw("delete from efirma_certificate")).rejects.toThrow(/se conservan .*DELETE no está permitido/)
    await expect(pg().raw("update efirma_certificate set rfc = 'XAXX010101000'")).rejects.toThrow(/no se modifican; solo puede revocarse/)
    await expect(pg().raw("truncate efirma_certificate")).rejects.toThrow(/TRUNCATE no está permitido/)
    const { rows } = await pg().raw("select id, rfc from efirma_certificate")
    expect(rows).toEqual([{ id: reg.body.certificate.id, rfc: (await person(buyer().person_id)).rfc }])
  })

  it("exports ledger, checkpoints and certificates to the auditor as NDJSON, inside the retention window", async () => {
    const creds = await buyerCreds()
    const reg = await register(buyer().token, creds.efirma.cer_der).expect(201)
    await store("post", `/store/me/efirma/certificates/${reg.body.certificate.id}/revoke`, buyer().token)
      .send({ reason: "Cambio de puesto" })
      .expect(200)
    const auditor = world().actors.auditor.token
    const ndjson = (path: string) =>
      as("get", path, auditor)
        .buffer(true)
        .parse((r, cb) => {
          let text = ""
          r.on("data", (c: Buffer) => (text += c.toString("utf8")))
          r.on("end", () => cb(null, text))
        })
    const res = await ndjson("/auditor/audit/export")
    expect(res.status).toBe(200)
    expect(res.headers["content-type"]).toContain("application/x-ndjson")
    const lines = (res.body as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    const today = new Date().toISOString().slice(0, 10)
    expect(lines[0]).toMatchObject({ type: "header", retention_years: 3, to: expect.any(String) })
    expect(lines[0].from <= `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`).toBe(true)
    // The world's own setup (people, organizations) is audited too: look at the e.firma entries.
    const entries = lines.filter((l) => l.type === "entry")
    expect(entries.filter((l) => l.action.startsWith("efirma.")).map((l) => l.action)).toEqual([
      "efirma.certificado.registrado",
      "efirma.certificado.revocado",
    ])
    expect(lines.find((l) => l.type === "entry")).toHaveProperty("entry_hash")
    expect(lines.filter((l) => l.type === "efirma_certificate")).toEqual([
      expect.objectContaining({ id: reg.body.certificate.id, status: "revoked", der: creds.efirma.cer_der.toString("base64") }),
    ])
    const trailer = lines[lines.length - 1]
    expect(trailer).toMatchObject({ type: "trailer", counts: { entry: entries.length, checkpoint: 0, efirma_certificate: 1 } })
    const body = (res.body as string)
      .split("\n")
      .slice(0, -2)
      .map((l) => `${l}\n`)
      .join("")
    expect(require("node:crypto").createHash("sha256").update(body).digest("hex")).toBe(trailer.sha256_of_previous_lines)

    const past = await ndjson("/auditor/audit/export?from=2020-01-01&to=2020-02-01")
    expect(past.status).toBe(200)
    expect(
      String(past.body)
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).type),
    ).toEqual(["header", "trailer"])
    const denied = await store("get", "/auditor/audit/export", buyer().token)
    expect(denied.status).toBe(403)
    const bad = await as("get", "/auditor/audit/export?from=2026-13-01", auditor)
    expect(bad.status).toBe(400)
  })

  it("seeds demo certificates once, and the demo files sign what the server accepts", async () => {
    const out = mkdtempSync(join(tmpdir(), "efirma-demo-"))
    process.env.EFIRMA_DEMO_DIR = out
    try {
      const logins = [
        { role: "purchasing_unit" as const, email: buyer().email, organization: "SSA", actor_type: "customer" },
        { role: "supplier_user" as const, email: world().actors.supplier_user.email, organization: "PIB", actor_type: "supplier" },
        { role: "auditor" as const, email: world().actors.auditor.email, organization: "SABG", actor_type: "auditor" },
      ]
      const first = await seedEfirma({ container: container(), args: [] } as never, logins)
      expect(first.issued).toBe(2)
      const second = await seedEfirma({ container: container(), args: [] } as never, logins)
      expect(second.issued).toBe(0)
      expect(await count("efirma_certificate")).toBe(2)
      const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8"))
      const entry = index[buyer().email]
      expect(existsSync(join(out, entry.key))).toBe(true)
      const demo = {
        cer_der: readFileSync(join(out, entry.cer)),
        key_der: readFileSync(join(out, entry.key)),
        password: DEMO_EFIRMA_PASSWORD,
      } as IssuedCredential
      const res = await store("post", "/store/me/efirma/verify", buyer().token).send({ payload, envelope: signWithClient(demo, payload) })
      expect(res.status).toBe(200)
      expect(res.body.certificate_serial).toBe(entry.serial)
    } finally {
      delete process.env.EFIRMA_DEMO_DIR
      rmSync(out, { recursive: true, force: true })
    }
  })
})
