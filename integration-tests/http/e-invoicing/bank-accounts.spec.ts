import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { issueCertificate, writeTestCaDirectory, type IssuedCredential, type TestCaDirectory } from "@tienda/contracts/efirma"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { makeRfc } from "../../../seed/src/rfc"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD, type Actor } from "../../utils/world"
import { signWithKeyOf } from "../contracts/efirma-helpers"

// @redis: locking module (per-supplier lock on simultaneous CLABE changes)
// @redis-tests: two simultaneous changes

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE (read at the first verification).
const pki: TestCaDirectory = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "einv-http-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

// Valid CLABEs (check digit by Banxico's algorithm): Banamex, BBVA and Banorte.
const BANAMEX = "002010077777777771"
const BBVA = "012180001234567899"
const BANORTE = "072180012345678907"

describeApp("supplier bank accounts (CLABE signed with e.firma)", ({ world, baseUrl, container }) => {
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const ledger = auditLedger(container)
  const w = () => world()
  const get = (path: string, token?: string) => {
    const r = request(baseUrl()).get(path)
    return token ? r.set("authorization", `Bearer ${token}`) : r
  }
  const post = (path: string, body: object, token?: string) => {
    const r = request(baseUrl()).post(path)
    return (token ? r.set("authorization", `Bearer ${token}`) : r).send(body)
  }
  const accounts = async () => Number((await pg().raw("select count(*)::int as n from supplier_bank_account")).rows[0].n)
  const credentials = new Map<string, IssuedCredential>()

  /** The person's e.firma, issued by the test CA and registered through the API (once). */
  async function efirmaOf(actor: Actor): Promise<IssuedCredential> {
    if (!credentials.has(actor.person_id)) {
      const orgs = container().resolve("organization") as { listPeople: (f: object) => Promise<{ rfc: string; full_name: string }[]> }
      const [p] = await orgs.listPeople({ id: actor.person_id })
      const cred = issueCertificate(pki.ca, { rfc: p.rfc, name: p.full_name }, { password: "Prueba-Firma-2026" })
      expect((await post("/supplier/me/efirma/certificates", { certificate: cred.cer_der.toString("base64") }, actor.token)).status).toBe(
        201,
      )
      credentials.set(actor.person_id, cred)
    }
    return credentials.get(actor.person_id)!
  }

  /** Asks for the payload to sign, signs it with the actor's e.firma and registers the CLABE. */
  async function register(actor: Actor, clabe: string, over: { payload?: object; holder_name?: string } = {}) {
    const cred = await efirmaOf(actor)
    const q = new URLSearchParams({ clabe, ...(over.holder_name ? { holder_name: over.holder_name } : {}) })
    const prepared = await get(`/supplier/bank-accounts/signing-payload?${q}`, actor.token)
    expect([prepared.status, prepared.body]).toEqual([200, expect.objectContaining({ payload: expect.anything() })])
    const envelope = signWithKeyOf(cred, cred, over.payload ?? prepared.body.payload)
    return post(
      "/supplier/bank-accounts",
      { clabe, ...(over.holder_name ? { holder_name: over.holder_name } : {}), ...envelope },
      actor.token,
    )
  }

  // The database is restored before each test: people and certificates are made inside the test.
  beforeEach(() => credentials.clear())
  let extra = 0
  /** A supplier user of the second supplier (Ofimex). */
  async function otherSupplierUser(): Promise<Actor> {
    extra++
    const email = `proveedor.${extra}@ofimex.prueba.mx`
    const { result } = await createPersonWorkflow(container()).run({
      input: {
        organization_id: w().orgs.supplier2,
        full_name: `Rosa Ofimex Ruiz ${extra}`,
        email,
        rfc: makeRfc("ROOR", `85050${extra}`, `C${extra}`),
        password: PASSWORD,
        roles: [{ role: "supplier_user", unit_id: null }],
      },
    })
    return { role: "supplier_user", email, person_id: result.id, actor_type: "supplier", token: await login(baseUrl(), "supplier", email) }
  }

  it("registers a CLABE signed with e.firma, derives the bank, then a signed change replaces it; both are audited", async () => {
    const supplier = w().actors.supplier_user
    const before = await ledger.head()

    const preview = await get(`/supplier/bank-accounts/signing-payload?clabe=${BANAMEX}`, supplier.token)
    expect([preview.status, preview.body]).toEqual([200, expect.anything()])
    expect(preview.body.bank).toEqual({ code: "002", tag: "BANAMEX", name: "Banco Nacional de México", plaza: "Aguascalientes MX-AGU" })
    expect(preview.body.payload).toEqual({
      documento: "cuenta_bancaria_proveedor",
      proveedor_rfc: expect.stringMatching(/^PIB/),
      clabe: BANAMEX,
      titular: "Papelería Industrial del Bajío, S.A. de C.V.",
      clabe_anterior: null,
    })

    const first = await register(supplier, BANAMEX)
    expect(first.status).toBe(201)
    expect(first.body.bank_account).toMatchObject({
      clabe: BANAMEX,
      bank_code: "002",
      bank_tag: "BANAMEX",
      status: "active",
      holder_name: "Papelería Industrial del Bajío, S.A. de C.V.",
      holder_rfc: preview.body.payload.proveedor_rfc,
      efirma_serial: (await efirmaOf(supplier)).serial,
    })
    expect(first.body.bank_account.signature).toBeUndefined()

    const change = await register(supplier, BBVA, { holder_name: "PAPELERIA INDUSTRIAL DEL BAJIO SA DE CV" })
    expect(change.status).toBe(201)
    expect(change.body.bank_account).toMatchObject({ clabe: BBVA, bank_tag: "BBVA BANCOMER", status: "active" })

    const list = await get("/supplier/bank-accounts", supplier.token)
    expect(list.status).toBe(200)
    expect(list.body.count).toBe(2)
    expect(list.body.bank_accounts.map((a: { clabe: string; status: string }) => [a.clabe, a.status])).toEqual([
      [BBVA, "active"],
      [BANAMEX, "replaced"],
    ])
    expect(list.body.bank_accounts[1].replaced_by_id).toBe(change.body.bank_account.id)

    const entries = await ledger.since(before, "supplier_bank_account.")
    expect(entries.map((e) => [e.action, e.entity_id, e.actor_type])).toEqual([
      ["supplier_bank_account.registered", first.body.bank_account.id, "supplier"],
      ["supplier_bank_account.changed", change.body.bank_account.id, "supplier"],
    ])
    expect(entries[1].details).toMatchObject({
      bank_tag: "BBVA BANCOMER",
      clabe_ultimos_4: BBVA.slice(-4),
      replaces_account_id: first.body.bank_account.id,
    })

    // The active CLABE again: nothing to change, refused before any signature is asked.
    const again = await get(`/supplier/bank-accounts/signing-payload?clabe=${BBVA}`, supplier.token)
    expect([again.status, again.body.code]).toEqual([400, "CLABE_YA_VIGENTE"])
    const cred = await efirmaOf(supplier)
    const payload = { ...change.body.bank_account, clabe_anterior: BBVA }
    const resent = await post("/supplier/bank-accounts", { clabe: BBVA, ...signWithKeyOf(cred, cred, payload) }, supplier.token)
    expect([resent.status, resent.body.code]).toEqual([400, "CLABE_YA_VIGENTE"])
    expect(await accounts()).toBe(2)
  })

  it("two simultaneous changes from the same state: one wins, the other's signature covers a stale CLABE and is refused; one active account", async () => {
    const supplier = w().actors.supplier_user
    expect((await register(supplier, BANAMEX)).status).toBe(201)
    const cred = await efirmaOf(supplier)
    // Both prepared (and signed) against the same active CLABE, then sent at once.
    const envelopes = await Promise.all(
      [BBVA, BANORTE].map(async (clabe) => {
        const prepared = await get(`/supplier/bank-accounts/signing-payload?clabe=${clabe}`, supplier.token)
        expect(prepared.body.payload.clabe_anterior).toBe(BANAMEX)
        return { clabe, ...signWithKeyOf(cred, cred, prepared.body.payload) }
      }),
    )
    const results = await Promise.all(envelopes.map((body) => post("/supplier/bank-accounts", body, supplier.token)))
    expect(results.map((r) => r.status).sort()).toEqual([201, 400])
    expect(results.find((r) => r.status === 400)!.body.code).toBe("FIRMA_INVALIDA")
    const { rows } = await pg().raw("select clabe, status from supplier_bank_account where supplier_id = ? order by created_at", [
      w().orgs.supplier,
    ])
    expect(rows.filter((r) => r.status === "active")).toHaveLength(1)
    expect(rows).toHaveLength(2)
  })

  it.each([
    ["a CLABE that is not 18 digits", "0021800012345678", "CLABE_FORMATO_INVALIDO", /18 dígitos/],
    ["a wrong check digit", "012180001234567890", "CLABE_DIGITO_VERIFICADOR", /dígito verificador debería ser 9/],
    ["a bank code no SPEI participant has", "999010077777777774", "CLABE_BANCO_DESCONOCIDO", /clave de banco 999/],
  ])("refuses %s with 400 and a stable code, writing nothing", async (_label, clabe, code, message) => {
    const supplier = w().actors.supplier_user
    const cred = await efirmaOf(supplier)
    const before = await accounts()
    const preview = await get(`/supplier/bank-accounts/signing-payload?clabe=${clabe}`, supplier.token)
    expect(preview.status).toBe(400)
    expect(preview.body).toMatchObject({ code, message: expect.stringMatching(message) })
    const payload = { documento: "cuenta_bancaria_proveedor", proveedor_rfc: "X", clabe, titular: "X", clabe_anterior: null }
    const res = await post("/supplier/bank-accounts", { clabe, ...signWithKeyOf(cred, cred, payload) }, supplier.token)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ type: "invalid_data", code, message: expect.stringMatching(message) })
    expect(await accounts()).toBe(before)
  })

  it("refuses a change whose e.firma signature does not cover this CLABE, or is not the caller's, writing nothing", async () => {
    const otherSupplier = await otherSupplierUser()
    const before = await accounts()
    const forged = await register(otherSupplier, BANAMEX, {
      payload: {
        documento: "cuenta_bancaria_proveedor",
        proveedor_rfc: "OFI991105FK3",
        clabe: BBVA,
        titular: "Ofimex",
        clabe_anterior: null,
      },
    })
    expect(forged.status).toBe(400)
    expect(forged.body).toMatchObject({ code: "FIRMA_INVALIDA" })
    // Signed with the other supplier user's e.firma, presented by this one.
    const supplierCred = await efirmaOf(w().actors.supplier_user)
    const prepared = await get(`/supplier/bank-accounts/signing-payload?clabe=${BANAMEX}`, otherSupplier.token)
    const stolen = await post(
      "/supplier/bank-accounts",
      { clabe: BANAMEX, ...signWithKeyOf(supplierCred, supplierCred, prepared.body.payload) },
      otherSupplier.token,
    )
    expect(stolen.status).toBe(400)
    expect(stolen.body.code).toMatch(/RFC_NO_COINCIDE|CERTIFICADO_NO_REGISTRADO/)
    expect(await accounts()).toBe(before)
  })

  it("only supplier users reach the routes; another supplier's account is 404 and never listed", async () => {
    const otherSupplier = await otherSupplierUser()
    const valid = await register(otherSupplier, BANORTE)
    expect(valid.status).toBe(201)
    const id = valid.body.bank_account.id

    expect((await get(`/supplier/bank-accounts/${id}`, otherSupplier.token)).status).toBe(200)
    const foreign = await get(`/supplier/bank-accounts/${id}`, w().actors.supplier_user.token)
    expect(foreign.status).toBe(404)
    expect(foreign.body).toMatchObject({ code: "CUENTA_BANCARIA_NO_ENCONTRADA" })
    const listed = await get("/supplier/bank-accounts", w().actors.supplier_user.token)
    expect(listed.body.bank_accounts.map((a: { id: string }) => a.id)).not.toContain(id)

    expect((await get("/supplier/bank-accounts")).status).toBe(401)
    for (const role of ["requiring_unit", "payment_typist"] as const) {
      const res = await get("/supplier/bank-accounts", w().actors[role].token).set("x-publishable-api-key", w().publishableKey)
      expect([role, res.status, res.body.code]).toEqual([role, 403, "TIPO_DE_CUENTA_NO_PERMITIDO"])
    }
    for (const role of ["observer", "auditor", "system_admin"] as const) {
      const res = await post(
        "/supplier/bank-accounts",
        { clabe: BANAMEX, certificate: "A".repeat(200), signature: "B".repeat(64) },
        w().actors[role].token,
      )
      expect([role, res.status, res.body.code]).toEqual([role, 403, "TIPO_DE_CUENTA_NO_PERMITIDO"])
    }
    const smuggled = await post(
      "/supplier/bank-accounts",
      { clabe: BANAMEX, certificate: "A".repeat(200), signature: "B".repeat(64), supplier_id: "org_otro" },
      otherSupplier.token,
    )
    expect(smuggled.status).toBe(400)
    expect(smuggled.body).toMatchObject({ code: "DATOS_INVALIDOS", message: expect.stringMatching(/supplier_id/) })
  })
})
