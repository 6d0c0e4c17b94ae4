import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { issueCertificate, writeTestCaDirectory, type IssuedCredential } from "@tienda/contracts/efirma"
import { deviationJustificationPayload, integrityTextInForce, sealBid } from "@tienda/mini-competition/competition"
import { openDueCompetitions } from "@tienda/mini-competition/jobs/open-due-competitions"
import { createOrganizationWorkflow, createPersonWorkflow } from "@tienda/organizations/workflows"
import { validateReleasePackage } from "@tienda/transparency/ocds"
import { makeRfc } from "../../../seed/src/rfc"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD } from "../../utils/world"
import { barrier, makeKey } from "../budget/helpers"
import { contractSigners, signWithKeyOf, type Envelope } from "../contracts/efirma-helpers"
import { catalogFixtures } from "../framework-contracts/fixtures"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE (read at the first verification):
// the award's contract is signed by both parties.
const pki = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "mc-http-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle

// @redis: the competition lock (locking module) under two racing awards
// @redis-tests: two awards racing|confirmation window lapses

// The tests run the opening job themselves with the injected clock; the cron
// schedule is moved out of the way so it never acts between two requests.
process.env.MINI_COMPETITION_OPEN_CRON = "0 0 1 1 *"

type Clock = { useClock: (c: (() => Date) | null) => Promise<void> }
type Bidder = { org: string; token: string; person_id: string }

/**
 * The second-stage mini-competition over HTTP: every eligible supplier of
 * the lot invited (the others recorded with reasons), sealed bids that no
 * role can read before the deadline through any read path, late and
 * above-ceiling bids refused, replacement keeps the last, opening by the
 * scheduled job with tampering and sanctions detected, tie-breaks, the
 * minimum of valid bids, and the award as data and event. Time is the
 * procedure's clock, injected; nothing sleeps.
 */
describeApp("second-stage mini-competition", ({ world, baseUrl, container }) => {
  const { token, post, get, publishedContract, approvedOffer } = catalogFixtures(world, baseUrl, container)
  const ledger = auditLedger(container)
  const purchasing = () => token("purchasing_unit")
  const del = (path: string, bearer: string) => request(baseUrl()).delete(path).set("authorization", `Bearer ${bearer}`)

  // Monday 7 Dec 2026, 10:00 Mexico City; 5 business days → Monday 14 Dec 18:00 (UTC−6)
  const PUBLISHED = new Date("2026-12-07T16:00:00.000Z")
  const DEADLINE = "2026-12-15T00:00:00.000Z"
  let now = PUBLISHED
  const setClock = async (iso: string | Date) => {
    now = new Date(iso)
  }

  let contractId: string
  let s1: Bidder, s2: Bidder, s3: Bidder, s4: Bidder
  let s5: string
  let requisitionId: string
  let keyId: string

  async function supplierOrg(prefix: string, name: string, sme: "micro" | "pequena" | "mediana" | "grande") {
    const { result } = await createOrganizationWorkflow(container()).run({
      input: {
        kind: "supplier",
        rfc: makeRfc(prefix, "050505", "A1"),
        legal_name: name,
        regimen_fiscal: "601",
        codigo_postal: "06600",
        sme_size: sme,
      },
    })
    return result.id as string
  }
  let people = 0
  async function supplierUser(org: string, email: string) {
    people++
    const { result } = await createPersonWorkflow(container()).run({
      input: {
        organization_id: org,
        full_name: `Usuario ${email}`,
        email,
        rfc: makeRfc("PEPE", `8001${String(10 + (people % 18)).padStart(2, "0")}`, "B2"),
        password: PASSWORD,
        roles: [{ role: "supplier_user", unit_id: null }],
      },
    })
    return { token: await login(baseUrl(), "supplier", email), person_id: result.id as string }
  }

  beforeAll(async () => {
    const service = container().resolve<Clock>("mini_competition")
    await service.useClock(() => now)
  })
  afterAll(async () => {
    await container().resolve<Clock>("mini_competition").useClock(null)
  })

  beforeEach(async () => {
    now = PUBLISHED
    const { id, itemId } = await publishedContract()
    contractId = id
    const s3org = await supplierOrg("PAQ", "Papelera Queretana, S.A. de C.V.", "pequena")
    const s4org = await supplierOrg("SAN", "Suministros Sancionados, S.A. de C.V.", "micro")
    s5 = await supplierOrg("SIN", "Sin Oferta en la Entidad, S.A. de C.V.", "grande")
    expect(
      (
        await post(
          `/admin/framework-contracts/${id}/suppliers`,
          { supplier_ids: [s3org, s4org, s5], valid_from: "2026-01-01" },
          token("shcp_contract_admin"),
        )
      ).status,
    ).toBe(200)
    await approvedOffer(itemId, world().orgs.supplier, "49.90")
    await approvedOffer(itemId, world().orgs.supplier2, "51.00")
    await approvedOffer(itemId, s3org, "52.00")
    await approvedOffer(itemId, s4org, "50.00")
    // supplier 4 has been sanctioned since before the competition
    const {
      data: [rfc4],
    } = await container()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "organization", fields: ["rfc"], filters: { id: s4org } })
    expect(
      (
        await post(
          "/admin/sanctions",
          {
            sanctions: [
              {
                supplier_rfc: rfc4.rfc,
                supplier_name: "Suministros Sancionados",
                type: "Inhabilitación",
                authority: "SABG",
                starts_on: "2026-06-01",
              },
            ],
          },
          token("shcp_contract_admin"),
        )
      ).status,
    ).toBe(201)
    credentials.clear()
    s1 = { org: world().orgs.supplier, token: token("supplier_user"), person_id: world().actors.supplier_user.person_id }
    s2 = { org: world().orgs.supplier2, ...(await supplierUser(world().orgs.supplier2, "ventas@ofimex.prueba.mx")) }
    s3 = { org: s3org, ...(await supplierUser(s3org, "licitaciones@papelera-queretana.prueba.mx")) }
    s4 = { org: s4org, ...(await supplierUser(s4org, "ventas@sancionados.prueba.mx")) }

    // a requisition of 6,100 pens at 49.90 = 304,390.00 before IVA, above the lot's 300,000.00
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data: offers } = await query.graph({ entity: "offer", fields: ["variant_id", "supplier_id"] })
    const variantId = offers.find((o) => o.supplier_id === world().orgs.supplier)!.variant_id as string
    keyId = (await makeKey(container(), world().orgs.agencyA, { aprobado: "2000000.00" })).id
    const requester = token("requiring_unit")
    const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, requester)
    expect((await post(`/store/carts/${cart.body.cart.id}/line-items`, { variant_id: variantId, quantity: 6100 }, requester)).status).toBe(
      200,
    )
    const created = await post(
      "/store/requisitions",
      {
        cart_id: cart.body.cart.id,
        unit_id: world().units["SSA-AR01"],
        justification: "Dotación anual de bolígrafos para las unidades médicas",
        budget_key_id: keyId,
        delivery_place: "Almacén central, Lieja 7, CDMX",
        delivery_date: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10),
      },
      requester,
    )
    expect(created.status).toBe(201)
    requisitionId = created.body.requisition.id
    const submitted = await post(`/store/requisitions/${requisitionId}/submit`, {}, requester)
    expect(submitted.body.requisition.status).toBe("requires_competition")
  })

  const competitions = async () =>
    await container()
      .resolve<{ listCompetitions: (f: object, c: object) => Promise<{ id: string; status: string }[]> }>("mini_competition")
      .listCompetitions({}, { take: null })
  const bidRows = async (competitionId: string) =>
    container()
      .resolve<{
        listCompetitionBids: (f: object, c: object) => Promise<{ id: string; supplier_id: string; status: string; ciphertext: string }[]>
      }>("mini_competition")
      .listCompetitionBids({ competition_id: competitionId }, { take: null })

  async function draft() {
    const res = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "CMX" }, purchasing())
    expect(res.status).toBe(201)
    return res.body.competition as { id: string; lines: { id: string; quantity: number; ceiling_price: string }[] }
  }
  // ── e.firma: each signer's certificate (the test CA, valid over the procedure's dates), registered over HTTP once per test ──
  const credentials = new Map<string, IssuedCredential>()
  const signerOf = async (bearer: string) => {
    const bidder = [s1, s2, s3, s4].find((b) => b?.token === bearer)
    if (bidder) {
      return { person_id: bidder.person_id, prefix: "/supplier" }
    }
    const actor = [...Object.values(world().actors), world().otherAgencyActor].find((a) => a.token === bearer)
    if (actor) {
      return { person_id: actor.person_id, prefix: actor.actor_type === "supplier" ? "/supplier" : "/store" }
    }
    // someone the test logged in itself (e.g. another agency's Purchasing Unit): an agency account
    const me = await get("/store/me", bearer)
    if (me.status !== 200) {
      throw new Error(`unknown signer (GET /store/me: ${me.status})`)
    }
    return { person_id: me.body.profile.id as string, prefix: "/store" }
  }
  /** The caller's e.firma, issued by the test CA and registered to the person on first use. */
  async function efirmaOf(bearer: string): Promise<IssuedCredential> {
    const { person_id, prefix } = await signerOf(bearer)
    if (!credentials.has(person_id)) {
      const orgs = container().resolve("organization") as { listPeople: (f: object) => Promise<{ rfc: string; full_name: string }[]> }
      const [p] = await orgs.listPeople({ id: person_id })
      const cred = issueCertificate(
        pki.ca,
        { rfc: p.rfc, name: p.full_name },
        { password: "Prueba-Firma-2026", valid_from: new Date("2026-01-01T00:00:00Z"), valid_to: new Date("2030-12-31T00:00:00Z") },
      )
      const res = await post(`${prefix}/me/efirma/certificates`, { certificate: cred.cer_der.toString("base64") }, bearer)
      expect(res.status).toBe(201)
      credentials.set(person_id, cred)
    }
    return credentials.get(person_id)!
  }
  /** The caller's e.firma envelope over `payload`. */
  const efirmaSign = async (bearer: string, payload: unknown): Promise<Envelope> => {
    const cred = await efirmaOf(bearer)
    return signWithKeyOf(cred, cred, payload)
  }
  /** Signs the integrity declaration in force with e.firma over the view's signing payload (the official's on /store, a supplier user's on /supplier). */
  const declare = async (id: string, bearer: string, side: "store" | "supplier" = "supplier") => {
    const shown = await get(`/${side}/competitions/${id}/integrity-declaration`, bearer)
    const payload = shown.body.integrity_declaration?.signing_payload ?? {}
    return post(
      `/${side}/competitions/${id}/integrity-declaration`,
      { text_sha256: integrityTextInForce(side === "store" ? "official" : "supplier").text_sha256, ...(await efirmaSign(bearer, payload)) },
      bearer,
    )
  }
  /** The supplier user confirms the award offered to its company with e.firma over the offer's signing payload. */
  const accept = async (id: string, who: Bidder) => {
    const view = (await get(`/supplier/competitions/${id}`, who.token)).body.competition
    return post(`/supplier/competitions/${id}/award/accept`, await efirmaSign(who.token, view?.award_signing_payload ?? {}), who.token)
  }
  /** The official's e.firma over a deviation's justification. */
  const deviationSigned = async (id: string, supplierId: string, computed: string | null, justification: string) =>
    efirmaSign(
      purchasing(),
      deviationJustificationPayload({ competition_id: id, supplier_id: supplierId, computed_winner_supplier_id: computed, justification }),
    )
  /** A published competition: the official declares and publishes; the given supplier users declare before bidding. */
  async function published(declaring: Bidder[] = [s1, s2, s3]) {
    const c = await draft()
    expect((await declare(c.id, purchasing(), "store")).status).toBe(201)
    const res = await post(`/store/competitions/${c.id}/publish`, {}, purchasing())
    expect(res.status).toBe(200)
    for (const who of declaring) {
      expect((await declare(c.id, who.token)).status).toBe(201)
    }
    return res.body.competition as { id: string; lines: { id: string }[]; bid_deadline: string }
  }
  const bid = (c: { id: string; lines: { id: string }[] }, who: Bidder, price: string) =>
    post(`/supplier/competitions/${c.id}/bid`, { lines: [{ line_id: c.lines[0].id, unit_price: price }], delivery_days: 4 }, who.token)
  async function opened(id: string) {
    await setClock(DEADLINE)
    await openDueCompetitions(container())
    const res = await get(`/store/competitions/${id}`, purchasing())
    expect(res.status).toBe(200)
    return res.body.competition
  }

  it("opens from the requisition and invites every eligible supplier of the lot serving the state (the others recorded with their reasons); the observer watches and files observations", async () => {
    const c = await draft()
    // a draft is not public yet
    expect((await request(baseUrl()).get(`/public/competitions/${c.id}`)).body.code).toBe("COMPETENCIA_NO_PUBLICA")
    expect(c).toEqual(
      expect.objectContaining({ status: "draft", requisition_id: requisitionId, contract_id: contractId, delivery_state: "CMX" }),
    )
    expect(c.lines).toEqual([expect.objectContaining({ quantity: 6100, ceiling_price: "58.50" })])
    expect((c as unknown as { rules: object }).rules).toEqual(
      expect.objectContaining({
        min_invitees: 3,
        min_valid_bids: 2,
        bid_window_business_days: 5,
        abnormally_low_pct: 40,
        citation: expect.stringMatching(/LAASSP/),
      }),
    )
    // the official signs the integrity declaration before publishing: without it, refused; a text other than the one in force, refused
    const undeclared = await post(`/store/competitions/${c.id}/publish`, {}, purchasing())
    expect([undeclared.status, undeclared.body.code]).toEqual([409, "DECLARACION_DE_INTEGRIDAD_REQUERIDA"])
    const shown = await get(`/store/competitions/${c.id}/integrity-declaration`, purchasing())
    const { version, text: officialText, text_sha256 } = integrityTextInForce("official")
    expect(shown.body.integrity_declaration).toEqual({
      side: "official",
      text_in_force: { version, text: officialText, text_sha256 },
      signing_payload: {
        documento: "declaracion_de_integridad",
        competition_id: c.id,
        side: "official",
        person_id: world().actors.purchasing_unit.person_id,
        text_version: version,
        text_sha256,
      },
      declaration: null,
    })
    const stale = await post(
      `/store/competitions/${c.id}/integrity-declaration`,
      {
        text_sha256: integrityTextInForce("supplier").text_sha256,
        ...(await efirmaSign(purchasing(), shown.body.integrity_declaration.signing_payload)),
      },
      purchasing(),
    )
    expect([stale.status, stale.body.code]).toEqual([400, "DECLARACION_NO_VIGENTE"])
    const supplierSide = await declare(c.id, s1.token)
    // nobody is invited to a draft: no supplier can sign yet
    expect([supplierSide.status, supplierSide.body.code]).toEqual([403, "PROVEEDOR_NO_INVITADO"])
    const declaredHead = await ledger.head()
    const signed = await declare(c.id, purchasing(), "store")
    expect(signed.status).toBe(201)
    const official = integrityTextInForce("official")
    expect(signed.body.integrity_declaration.declaration).toEqual(
      expect.objectContaining({
        competition_id: c.id,
        side: "official",
        person_id: world().actors.purchasing_unit.person_id,
        organization_id: world().orgs.agencyA,
        text_version: official.version,
        text_sha256: official.text_sha256,
        declared_at: PUBLISHED.toISOString(),
      }),
    )
    const [declaredEntry] = await ledger.since(declaredHead, "competition.")
    expect(declaredEntry).toEqual(expect.objectContaining({ action: "competition.integrity_declared", entity_id: c.id }))
    // signing again records nothing new
    expect((await declare(c.id, purchasing(), "store")).status).toBe(200)
    expect(await ledger.since(declaredHead, "competition.")).toHaveLength(1)
    const head = await ledger.head()
    const res = await post(`/store/competitions/${c.id}/publish`, {}, purchasing())
    expect(res.status).toBe(200)
    const p = res.body.competition
    expect(p.status).toBe("bidding")
    expect(p.bid_deadline).toBe(DEADLINE)
    const by = Object.fromEntries(
      p.invitations.map((i: { supplier_id: string; status: string; reasons: { code: string }[] }) => [
        i.supplier_id,
        [i.status, i.reasons.map((r) => r.code)],
      ]),
    )
    expect(by).toEqual({
      [s1.org]: ["invited", []],
      [s2.org]: ["invited", []],
      [s3.org]: ["invited", []],
      [s4.org]: ["not_eligible", ["PROVEEDOR_SANCIONADO"]],
      [s5]: ["not_eligible", ["SIN_OFERTA_EN_LA_ENTIDAD"]],
    })
    expect((await ledger.since(head, "competition.")).map((e) => e.action)).toEqual(["competition.published"])
    // the invited see it, the others do not
    expect((await get("/supplier/competitions", s1.token)).body.competitions.map((x: { id: string }) => x.id)).toEqual([c.id])
    expect((await get("/supplier/competitions", s4.token)).body.competitions).toEqual([])
    // ?fields= narrows each competition; a supplier cannot ask for the agency-side fields its list does not answer
    expect((await get("/supplier/competitions?fields=id,number", s1.token)).body.competitions).toEqual([
      { id: c.id, number: expect.any(String) },
    ])
    const agencyField = await get("/supplier/competitions?fields=id,requisition_id", s1.token)
    expect([agencyField.status, agencyField.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
    expect((await get(`/supplier/competitions/${c.id}`, s4.token)).status).toBe(404)
    // publishing twice changes nothing
    const again = await post(`/store/competitions/${c.id}/publish`, {}, purchasing())
    expect([again.status, again.body.code]).toEqual([409, "COMPETENCIA_NO_EN_BORRADOR"])

    // the observer (testigo social) watches and files observations that become part of the record
    const watched = await get(`/observer/competitions/${c.id}`, token("observer"))
    expect(watched.status).toBe(200)
    expect(watched.body.competition.invitations).toHaveLength(5)
    const countObservations = async () =>
      (await get(`/observer/competitions/${c.id}`, token("observer"))).body.competition.observations.length
    const text = "La invitación incluyó a todos los proveedores adheridos del lote; se verificó la exclusión del sancionado."
    for (const [bearer, status, code] of [
      [token("auditor"), 403, "TIPO_DE_CUENTA_NO_PERMITIDO"],
      [purchasing(), 403, "TIPO_DE_CUENTA_NO_PERMITIDO"],
      [s1.token, 403, "TIPO_DE_CUENTA_NO_PERMITIDO"],
    ] as const) {
      const denied = await post(`/observer/competitions/${c.id}/observations`, { text }, bearer)
      expect([denied.status, denied.body.code]).toEqual([status, code])
    }
    const short = await post(`/observer/competitions/${c.id}/observations`, { text: "ok" }, token("observer"))
    expect([short.status, short.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    const unknown = await post("/observer/competitions/mcomp_no_existe/observations", { text }, token("observer"))
    expect([unknown.status, unknown.body.code]).toEqual([404, "COMPETENCIA_NO_EXISTE"])
    expect(await countObservations()).toBe(0)
    const head2 = await ledger.head()
    const filed = await post(`/observer/competitions/${c.id}/observations`, { text }, token("observer"))
    expect(filed.status).toBe(201)
    expect(filed.body.observation).toEqual(
      expect.objectContaining({ text, observed_at: PUBLISHED.toISOString(), observer_person_id: world().actors.observer.person_id }),
    )
    expect((await get(`/store/competitions/${c.id}`, purchasing())).body.competition.observations).toEqual([
      expect.objectContaining({ text }),
    ])
    expect((await ledger.since(head2, "competition.")).map((e) => e.action)).toEqual(["competition.observation_filed"])
  })

  it("refuses bad input, other roles and other agencies, a second competition and too few eligible suppliers — writing nothing", async () => {
    const bad = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "Ciudad de México" }, purchasing())
    expect([bad.status, bad.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    const uncovered = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "NLE" }, purchasing())
    expect([uncovered.status, uncovered.body.code]).toEqual([400, "ENTIDAD_SIN_COBERTURA"])
    const requester = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "CMX" }, token("requiring_unit"))
    expect([requester.status, requester.body.code]).toEqual([403, "PERMISO_DENEGADO"])
    const supplier = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "CMX" }, s1.token)
    expect([supplier.status, supplier.body.code]).toEqual([403, "TIPO_DE_CUENTA_NO_PERMITIDO"])
    const anonymous = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "CMX" })
    expect(anonymous.status).toBe(401)
    // a purchasing unit of another agency: the requisition does not exist for it
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyB,
        full_name: "Compras SEP",
        email: "compras@sep.prueba.gob.mx",
        rfc: makeRfc("COSE", "790101", "A1"),
        password: PASSWORD,
        roles: [{ role: "purchasing_unit", unit_id: world().units["SEP-UC"] }],
      },
    })
    const otherPu = await login(baseUrl(), "customer", "compras@sep.prueba.gob.mx")
    const foreign = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "CMX" }, otherPu)
    expect([foreign.status, foreign.body.code]).toEqual([404, "REQUISICION_NO_EXISTE"])
    expect(await competitions()).toEqual([])

    const c = await draft()
    const twice = await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "CMX" }, purchasing())
    expect([twice.status, twice.body.code]).toEqual([409, "COMPETENCIA_YA_EXISTE"])
    expect((await get(`/store/competitions/${c.id}`, otherPu)).status).toBe(404)
    const foreignPublish = await post(`/store/competitions/${c.id}/publish`, {}, otherPu)
    expect([foreignPublish.status, foreignPublish.body.code]).toEqual([404, "COMPETENCIA_NO_EXISTE"])
    const foreignDeclare = await declare(c.id, otherPu, "store")
    expect([foreignDeclare.status, foreignDeclare.body.code]).toEqual([404, "COMPETENCIA_NO_EXISTE"])
    expect((await declare(c.id, purchasing(), "store")).status).toBe(201)

    // supplier 3 sanctioned before publication: only two eligible, the rules ask for three
    const {
      data: [rfc3],
    } = await container()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "organization", fields: ["rfc"], filters: { id: s3.org } })
    await post(
      "/admin/sanctions",
      {
        sanctions: [
          {
            supplier_rfc: rfc3.rfc,
            supplier_name: "Papelera Queretana",
            type: "Inhabilitación",
            authority: "SABG",
            starts_on: "2026-12-01",
          },
        ],
      },
      token("shcp_contract_admin"),
    )
    const few = await post(`/store/competitions/${c.id}/publish`, {}, purchasing())
    expect([few.status, few.body.code]).toEqual([409, "INVITADOS_INSUFICIENTES"])
    const after = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    expect([after.status, after.invitations, after.bid_deadline]).toEqual(["draft", [], null])

    // the draft is declared deserted (with a reason, by its own agency), and the lot can compete again
    const terse = await post(`/store/competitions/${c.id}/desert`, { reason: "no" }, purchasing())
    expect([terse.status, terse.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    expect(
      (await post(`/store/competitions/${c.id}/desert`, { reason: "Sin proveedores suficientes en la entidad" }, otherPu)).status,
    ).toBe(404)
    expect((await get(`/store/competitions/${c.id}`, purchasing())).body.competition.status).toBe("draft")
    const deserted = await post(`/store/competitions/${c.id}/desert`, { reason: "Sin proveedores suficientes en la entidad" }, purchasing())
    expect(deserted.status).toBe(200)
    expect(deserted.body.competition).toEqual(
      expect.objectContaining({ status: "deserted", deserted_reason: "Sin proveedores suficientes en la entidad" }),
    )
    const twiceDeserted = await post(
      `/store/competitions/${c.id}/desert`,
      { reason: "Sin proveedores suficientes en la entidad" },
      purchasing(),
    )
    expect([twiceDeserted.status, twiceDeserted.body.code]).toEqual([409, "COMPETENCIA_NO_ABIERTA"])
    expect((await post("/store/competitions", { requisition_id: requisitionId, delivery_state: "CMX" }, purchasing())).status).toBe(201)
  })

  it("seals bids: above the ceiling and uninvited refused, replacing keeps the last, late bids refused; no role reads a bid before the deadline through any read path", async () => {
    const c = await published([s1, s2])
    // supplier 3's user has not signed the integrity declaration: no bid; the uninvited cannot sign
    const undeclared = await bid(c, s3, "49.19")
    expect([undeclared.status, undeclared.body.code]).toEqual([409, "DECLARACION_DE_INTEGRIDAD_REQUERIDA"])
    const notInvited = await declare(c.id, s4.token)
    expect([notInvited.status, notInvited.body.code]).toEqual([403, "PROVEEDOR_NO_INVITADO"])
    const wrongText = await post(
      `/supplier/competitions/${c.id}/integrity-declaration`,
      { text_sha256: integrityTextInForce("official").text_sha256, ...(await efirmaSign(s3.token, {})) },
      s3.token,
    )
    expect([wrongText.status, wrongText.body.code]).toEqual([400, "DECLARACION_NO_VIGENTE"])
    expect(await bidRows(c.id)).toEqual([])
    const supplierSigned = await declare(c.id, s3.token)
    expect(supplierSigned.status).toBe(201)
    expect(supplierSigned.body.integrity_declaration.declaration).toEqual(
      expect.objectContaining({ side: "supplier", organization_id: s3.org, text_sha256: integrityTextInForce("supplier").text_sha256 }),
    )
    // read paths outside the API, watched while the bids come in: every log line written (stdout, stderr,
    // console) and every event emitted on the event bus (payloads)
    const logged: string[] = []
    const streamSpies = [process.stdout, process.stderr].map((stream) => {
      const original = stream.write.bind(stream) as (...a: unknown[]) => boolean
      return jest.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        logged.push(String(chunk))
        return original(chunk, ...rest)
      }) as never)
    })
    const consoleSpies = (["log", "info", "warn", "error", "debug"] as const).map((k) => jest.spyOn(console, k))
    const eventBus = container().resolve(Modules.EVENT_BUS) as unknown as { emit: (...a: unknown[]) => Promise<void> }
    const emitSpy = jest.spyOn(eventBus, "emit")
    const first = await bid(c, s1, "48.91")
    expect(first.status).toBe(201)
    expect(first.body.bid).toEqual(
      expect.objectContaining({
        commitment: expect.stringMatching(/^[0-9a-f]{64}$/),
        nonce: expect.stringMatching(/^[0-9a-f]{64}$/),
        replaces_bid_id: null,
      }),
    )
    expect(JSON.stringify(first.body)).not.toContain("48.91")

    const count = async () => (await bidRows(c.id)).length
    const above = await bid(c, s1, "58.51")
    expect([above.status, above.body.code]).toEqual([400, "PRECIO_SOBRE_TECHO"])
    const uninvited = await bid(c, s4, "40.00")
    expect([uninvited.status, uninvited.body.code]).toEqual([403, "PROVEEDOR_NO_INVITADO"])
    const buyer = await post(
      `/supplier/competitions/${c.id}/bid`,
      { lines: [{ line_id: c.lines[0].id, unit_price: "40.00" }], delivery_days: 4 },
      purchasing(),
    )
    expect(buyer.status).toBe(403)
    const malformed = await post(
      `/supplier/competitions/${c.id}/bid`,
      { lines: [{ line_id: c.lines[0].id, unit_price: 47.5 }], delivery_days: 4 },
      s1.token,
    )
    expect([malformed.status, malformed.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    expect(await count()).toBe(1)

    const replaced = await bid(c, s1, "47.73")
    expect(replaced.status).toBe(201)
    expect(replaced.body.bid.replaces_bid_id).toBe(first.body.bid.id)
    expect((await bid(c, s2, "46.37")).status).toBe(201)
    expect((await bid(c, s3, "49.19")).status).toBe(201)
    // withdrawing and bidding again
    expect((await del(`/supplier/competitions/${c.id}/bid`, s3.token)).status).toBe(200)
    expect((await get(`/supplier/competitions/${c.id}`, s3.token)).body.competition.bid_count).toBe(2)
    expect((await bid(c, s3, "49.07")).status).toBe(201)

    // every read path, every role, before the deadline: only the number of bids
    const secrets = [
      "48.91",
      "47.73",
      "46.37",
      "49.19",
      "49.07",
      "291153",
      "282857",
      "300059",
      "299327",
      "unit_price",
      "ciphertext",
      "revealed",
      '"rank"',
      '"total"',
    ]
    const admin = token("system_admin")
    const reads: [string, string | undefined, number][] = [
      [`/store/competitions`, purchasing(), 200],
      [`/store/competitions/${c.id}`, purchasing(), 200],
      [`/supplier/competitions`, s1.token, 200],
      [`/supplier/competitions/${c.id}`, s1.token, 200],
      [`/supplier/competitions/${c.id}`, s2.token, 200],
      [`/observer/competitions`, token("observer"), 200],
      [`/observer/competitions/${c.id}`, token("observer"), 200],
      [`/observer/competitions/${c.id}`, token("auditor"), 200],
      [`/auditor/audit/entries?entity_type=competition_bid&limit=200`, token("auditor"), 200],
      [`/auditor/audit/entries?entity_type=competition&limit=200`, token("auditor"), 200],
      [`/public/competitions/${c.id}`, undefined, 200],
      [`/store/competitions/${c.id}`, admin, 403],
      [`/observer/competitions/${c.id}`, admin, 403],
      [`/supplier/competitions/${c.id}`, admin, 403],
      [`/store/competitions/${c.id}`, token("requiring_unit"), 403],
      [`/store/competitions/${c.id}`, token("shcp_contract_admin"), 403],
    ]
    for (const [path, bearer, status] of reads) {
      const res = bearer ? await get(path, bearer) : await request(baseUrl()).get(path)
      expect([path, res.status]).toEqual([path, status])
      const text = JSON.stringify(res.body)
      for (const s of secrets) {
        expect([path, text.includes(s)]).toEqual([path, false])
      }
    }
    // the admin API (the lot's rules), the catalog search index, log lines, event payloads and stored notifications
    // (the watch ends before the searches below: a request log line would carry their query)
    const watched: [string, string][] = [
      ["log lines", logged.join("\n")],
      ["console", JSON.stringify(consoleSpies.map((spy) => spy.mock.calls))],
      ["event payloads", JSON.stringify(emitSpy.mock.calls)],
    ]
    streamSpies.forEach((spy) => spy.mockRestore())
    consoleSpies.forEach((spy) => spy.mockRestore())
    emitSpy.mockRestore()
    const lotId =
      (c as unknown as { lot_id?: string }).lot_id ?? (await get(`/store/competitions/${c.id}`, purchasing())).body.competition.lot_id
    const adminRules = await get(`/admin/competition-rules?lot_id=${lotId}`, token("shcp_contract_admin"))
    expect(adminRules.status).toBe(200)
    const prices = secrets.slice(0, 9)
    const outside: [string, string][] = [...watched, ["admin rules", JSON.stringify(adminRules.body)]]
    for (const q of ["bolígrafo", "48", "47"]) {
      const found = await get(`/store/catalog/search?q=${encodeURIComponent(q)}`, token("requiring_unit"))
      expect([q, found.status]).toEqual([q, 200])
      outside.push([`search ${q}`, JSON.stringify(found.body)])
    }
    const notifications = container().resolve(Modules.NOTIFICATION, { allowUnregistered: true }) as
      { listNotifications: (f: object, c: object) => Promise<unknown[]> } | undefined
    if (notifications) {
      outside.push(["notifications", JSON.stringify(await notifications.listNotifications({}, { take: null }))])
    }
    for (const [where, text] of outside) {
      for (const secret of prices) {
        // the number on its own (a request's duration in a log line, e.g. "148.912 ms", is not a bid)
        const alone = new RegExp(`(?<![\\d.])${secret.replace(".", "\\.")}(?![\\d])`)
        expect([where, secret, alone.test(text)]).toEqual([where, secret, false])
      }
      if (where === "event payloads" || where === "notifications") {
        expect([where, /unit_price|ciphertext|revealed/.test(text)]).toEqual([where, false])
      }
    }
    const view = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    expect(view.bid_count).toBe(3)
    // the public (no login) sees the procedure and the number of bids, nothing else of them
    const early = (await request(baseUrl()).get(`/public/competitions/${c.id}`)).body.competition
    expect(early).toEqual(expect.objectContaining({ status: "bidding", bid_count: 3, bid_deadline: DEADLINE }))
    expect([early.participants, early.bids, early.invitations, early.winner]).toEqual([undefined, undefined, undefined, undefined])
    expect(view.bids).toBeUndefined()
    const mine = (await get(`/supplier/competitions/${c.id}`, s1.token)).body.competition
    expect(mine.own_bids.map((b: { status: string; commitment: string }) => [b.status, b.commitment])).toEqual([
      ["sealed", replaced.body.bid.commitment],
      ["replaced", first.body.bid.commitment],
    ])
    expect(mine.invitations).toBeUndefined()
    // the bid-submission ledger entries carry only commitments
    const entries = (await get(`/auditor/audit/entries?entity_type=competition_bid&limit=200`, token("auditor"))).body.entries
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      "competition.bid_submitted",
      "competition.bid_replaced",
      "competition.bid_submitted",
      "competition.bid_submitted",
      "competition.bid_withdrawn",
      "competition.bid_submitted",
    ])

    // the last second before the deadline is in time; the deadline itself is late
    await setClock("2026-12-14T23:59:59.000Z")
    expect((await bid(c, s2, "46.31")).status).toBe(201)
    await setClock(DEADLINE)
    const late = await bid(c, s1, "45.00")
    expect([late.status, late.body.code]).toEqual([409, "PROPUESTA_EXTEMPORANEA"])
    const lateWithdraw = await del(`/supplier/competitions/${c.id}/bid`, s1.token)
    expect([lateWithdraw.status, lateWithdraw.body.code]).toEqual([409, "PROPUESTA_EXTEMPORANEA"])
    expect((await bidRows(c.id)).filter((b) => b.status === "sealed")).toHaveLength(3)

    // the scheduled job opens; only the last bid of each supplier is opened
    const o = await opened(c.id)
    expect(o.status).toBe("opened")
    expect(
      o.bids.map((b: { supplier_id: string; total: string; rank: number; valid: boolean }) => [b.supplier_id, b.total, b.rank, b.valid]),
    ).toEqual([
      [s2.org, "282491.00", 1, true], // 6,100 × 46.31
      [s1.org, "291153.00", 2, true], // 6,100 × 47.73
      [s3.org, "299327.00", 3, true], // 6,100 × 49.07
    ])
    expect(o.evaluation.winner).toEqual(expect.objectContaining({ supplier_id: s2.org, total: "282491.00" }))
    const pub = await request(baseUrl()).get(`/public/competitions/${c.id}`)
    expect(pub.status).toBe(200)
    expect(pub.body.competition.bids[0].revealed.lines[0].unit_price).toBe("46.31")
    // participants with their names, totals and ranks; no winner until the award
    expect(pub.body.competition.participants.map((p: { legal_name: string; total: string; rank: number }) => [p.total, p.rank])).toEqual([
      ["282491.00", 1],
      ["291153.00", 2],
      ["299327.00", 3],
    ])
    expect(pub.body.competition.participants.every((p: { legal_name: string | null }) => !!p.legal_name)).toBe(true)
    expect(pub.body.competition.winner).toBeNull()
    // a person cannot reopen or bid after the opening
    expect((await bid(c, s3, "40.00")).body.code).toBe("COMPETENCIA_NO_EN_PROPUESTAS")
  })

  it("clarifications: anonymised questions and answers for every invitee; an extension moves the deadline for everyone and is recorded", async () => {
    const c = await published()
    const question = "¿Se aceptan entregas parciales en el almacén central durante la primera semana?"
    const uninvited = await post(`/supplier/competitions/${c.id}/clarifications`, { question }, s4.token)
    expect([uninvited.status, uninvited.body.code]).toEqual([403, "PROVEEDOR_NO_INVITADO"])
    const short = await post(`/supplier/competitions/${c.id}/clarifications`, { question: "¿?" }, s1.token)
    expect([short.status, short.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    const asked = await post(`/supplier/competitions/${c.id}/clarifications`, { question }, s1.token)
    expect(asked.status).toBe(201)
    const id = asked.body.clarification.id as string
    // every invitee sees it, without who asked
    const seen = (await get(`/supplier/competitions/${c.id}`, s2.token)).body.competition.clarifications
    expect(seen).toEqual([expect.objectContaining({ id, question, answer: null })])
    expect(JSON.stringify(seen)).not.toContain(s1.org)

    const answer = "Sí, en dos entregas; se amplía el plazo para que todos ajusten su propuesta."
    const foreign = await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyB,
        full_name: "Compras SEP",
        email: "compras2@sep.prueba.gob.mx",
        rfc: makeRfc("COSE", "790202", "A1"),
        password: PASSWORD,
        roles: [{ role: "purchasing_unit", unit_id: world().units["SEP-UC"] }],
      },
    })
    expect(foreign.result.id).toBeTruthy()
    const otherPu = await login(baseUrl(), "customer", "compras2@sep.prueba.gob.mx")
    expect((await post(`/store/competitions/${c.id}/clarifications/${id}/answer`, { answer }, otherPu)).status).toBe(404)
    expect((await post(`/store/competitions/${c.id}/clarifications/${id}/answer`, { answer }, s1.token)).status).toBe(403)
    const head = await ledger.head()
    const res = await post(`/store/competitions/${c.id}/clarifications/${id}/answer`, { answer, extend_business_days: 2 }, purchasing())
    expect(res.status).toBe(200)
    // Monday 14 Dec 18:00 + 2 business days → Wednesday 16 Dec 18:00
    expect(res.body.competition.bid_deadline).toBe("2026-12-17T00:00:00.000Z")
    expect(res.body.competition.clarifications).toEqual([
      expect.objectContaining({ answer, previous_deadline: DEADLINE, extended_deadline: "2026-12-17T00:00:00.000Z" }),
    ])
    expect((await get(`/supplier/competitions/${c.id}`, s3.token)).body.competition.bid_deadline).toBe("2026-12-17T00:00:00.000Z")
    expect((await ledger.since(head, "competition.")).map((e) => e.action)).toEqual([
      "competition.clarification_answered_deadline_extended",
    ])
    const twice = await post(`/store/competitions/${c.id}/clarifications/${id}/answer`, { answer }, purchasing())
    expect([twice.status, twice.body.code]).toEqual([409, "ACLARACION_YA_RESPONDIDA"])
    // at the old deadline bids are still received, and the job does not open
    await setClock(DEADLINE)
    expect((await bid(c, s2, "46.00")).status).toBe(201)
    expect((await openDueCompetitions(container())).opened).toEqual([])
    await setClock("2026-12-17T00:00:00.000Z")
    expect((await bid(c, s1, "45.00")).body.code).toBe("PROPUESTA_EXTEMPORANEA")
  })

  it("at the opening: a supplier sanctioned after bidding is excluded, tampered stored bids (altered, or re-sealed with the key) are detected and reported, and fewer valid bids than the minimum deserts", async () => {
    const c = await published()
    for (const [who, price] of [
      [s1, "47.00"],
      [s2, "46.00"],
      [s3, "48.00"],
    ] as [Bidder, string][]) {
      expect((await bid(c, who, price)).status).toBe(201)
    }
    // supplier 2 is sanctioned from 10 Dec, after bidding and before the close
    const {
      data: [rfc2],
    } = await container()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "organization", fields: ["rfc"], filters: { id: s2.org } })
    await post(
      "/admin/sanctions",
      {
        sanctions: [
          { supplier_rfc: rfc2.rfc, supplier_name: "Ofimex", type: "Inhabilitación", authority: "SABG", starts_on: "2026-12-10" },
        ],
      },
      token("shcp_contract_admin"),
    )
    // someone with database access alters supplier 3's stored bid
    const row = (await bidRows(c.id)).find((b) => b.supplier_id === s3.org)!
    const bytes = Buffer.from(row.ciphertext, "base64")
    bytes[bytes.length - 5] ^= 0x20
    const service = container().resolve<{ updateCompetitionBids: (d: object) => Promise<unknown>; sealKey: () => Promise<Buffer> }>(
      "mini_competition",
    )
    await service.updateCompetitionBids({ id: row.id, ciphertext: bytes.toString("base64") })
    // someone holding the seal key re-seals supplier 1's bid consistently at a lower price
    const forgedRow = (await bidRows(c.id)).find((b) => b.supplier_id === s1.org)!
    const forged = sealBid(
      await service.sealKey(),
      { competition_id: c.id, supplier_id: s1.org },
      { lines: [{ line_id: c.lines[0].id, unit_price: "30.00" }], delivery_days: 4 },
    )
    await service.updateCompetitionBids({
      id: forgedRow.id,
      commitment: forged.commitment,
      ciphertext: forged.ciphertext,
      iv: forged.iv,
      auth_tag: forged.auth_tag,
    })

    const head = await ledger.head()
    const o = await opened(c.id)
    expect(o.status).toBe("deserted")
    const by = Object.fromEntries(
      o.bids.map((b: { supplier_id: string; status: string; valid: boolean; findings: { code: string }[] }) => [
        b.supplier_id,
        [b.status, b.valid, b.findings.map((f) => f.code)],
      ]),
    )
    expect(by).toEqual({
      [s1.org]: ["tampered", false, ["COMPROMISO_NO_COINCIDE"]],
      [s2.org]: ["opened", false, ["PROVEEDOR_SANCIONADO"]],
      [s3.org]: ["tampered", false, ["SOBRE_ALTERADO"]],
    })
    expect(o.bids.find((b: { supplier_id: string }) => b.supplier_id === s3.org).revealed).toBeNull()
    expect(JSON.stringify(o.bids)).not.toContain("30.00")
    expect(o.deserted_reason).toMatch(/0 propuesta\(s\) válida\(s\) de 3 presentada\(s\); las reglas exigen al menos 2/)
    const [entry] = await ledger.since(head, "competition.")
    expect(entry.action).toBe("competition.opened_deserted")
    expect(entry.actor_type).toBe("system")
    expect((entry.details as { tampered: string[] }).tampered.sort()).toEqual([row.id, forgedRow.id].sort())
    const award = await post(`/store/competitions/${c.id}/award`, {}, purchasing())
    expect([award.status, award.body.code]).toEqual([409, "COMPETENCIA_NO_ABIERTA"])
    // deserted: the requisition keeps its reservation for the next path (a new competition or another requisition)
    expect((await get(`/store/requisitions/${requisitionId}`, token("requiring_unit"))).body.requisition.status).toBe(
      "requires_competition",
    )
    expect(await keyStages()).toEqual({ reservado: "353092.4", comprometido: "0" })
  })

  it("breaks a tie by SME preference, refuses an unjustified deviation, offers the award to the winner, who confirms it: award as data and event", async () => {
    const c = await published()
    expect((await bid(c, s2, "47.00")).status).toBe(201) // grande, first
    await setClock("2026-12-08T16:00:00.000Z")
    expect((await bid(c, s1, "47.00")).status).toBe(201) // mediana (SME), later
    expect((await bid(c, s3, "48.50")).status).toBe(201)
    const o = await opened(c.id)
    expect(o.bids.map((b: { supplier_id: string }) => b.supplier_id)).toEqual([s1.org, s2.org, s3.org])
    expect(o.evaluation.rationale).toMatch(/empate entre 2 propuestas resuelto por preferencia MIPYME/)

    // another official of the same Purchasing Unit who has not signed the declaration cannot award
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyA,
        full_name: "Compras SSA 2",
        email: "compras2@ssa.prueba.gob.mx",
        rfc: makeRfc("COSS", "790202", "A1"),
        password: PASSWORD,
        roles: [{ role: "purchasing_unit", unit_id: world().units["SSA-UC"] }],
      },
    })
    const colleague = await login(baseUrl(), "customer", "compras2@ssa.prueba.gob.mx")
    const unsigned = await post(`/store/competitions/${c.id}/award`, {}, colleague)
    expect([unsigned.status, unsigned.body.code]).toEqual([409, "DECLARACION_DE_INTEGRIDAD_REQUERIDA"])
    const deviate = await post(`/store/competitions/${c.id}/award`, { supplier_id: s3.org }, purchasing())
    expect([deviate.status, deviate.body.code]).toEqual([400, "JUSTIFICACION_REQUERIDA"])
    const observerTry = await post(`/store/competitions/${c.id}/award`, {}, token("observer"))
    expect(observerTry.status).toBe(403)
    expect((await get(`/store/competitions/${c.id}`, purchasing())).body.competition.status).toBe("opened")

    let received!: (data: unknown) => void
    const emitted = new Promise<unknown>((r) => (received = r))
    const bus = container().resolve(Modules.EVENT_BUS)
    bus.subscribe("mini_competition.awarded", (async (e: { data: unknown }) => received(e.data)) as never, {
      subscriberId: "test-mini-competition-awarded",
    })
    const head = await ledger.head()
    const res = await post(`/store/competitions/${c.id}/award`, {}, purchasing())
    expect(res.status).toBe(200)
    expect(res.body.competition.status).toBe("offered")
    // offered at Monday 14 Dec 18:00; 2 business days to confirm → Wednesday 16 Dec 18:00
    expect(res.body.competition.confirmation_deadline).toBe("2026-12-17T00:00:00.000Z")
    const other = await accept(c.id, s2)
    expect([other.status, other.body.code]).toEqual([403, "ADJUDICACION_DE_OTRO_PROVEEDOR"])
    const accepted = await accept(c.id, s1)
    expect(accepted.status).toBe(200)
    const award = accepted.body.competition.award
    expect(accepted.body.competition.status).toBe("awarded")
    expect(award).toEqual(
      expect.objectContaining({
        supplier_id: s1.org,
        requisition_id: requisitionId,
        contract_id: contractId,
        subtotal: "286700.00", // 6,100 × 47.00
        savings: "70150.00", // 6,100 × (58.50 − 47.00)
        deviates: false,
        delivery_days: 4,
        rank: 1,
        lapsed: [],
      }),
    )
    expect(award.lines).toEqual([
      expect.objectContaining({ quantity: 6100, unit_price: "47.00", ceiling_price: "58.50", subtotal: "286700.00" }),
    ])
    expect((await ledger.since(head, "competition.")).map((e) => e.action)).toEqual(["competition.award_offered", "competition.awarded"])
    // the winner is public (no login), with the savings against the ceilings
    const pub = (await request(baseUrl()).get(`/public/competitions/${c.id}`)).body.competition
    expect(pub.winner).toEqual({
      supplier_id: s1.org,
      legal_name: expect.any(String),
      subtotal: "286700.00",
      savings: "70150.00",
      confirmed: true,
    })
    expect(await emitted).toEqual(
      expect.objectContaining({ competition_id: c.id, supplier_id: s1.org, subtotal: "286700.00", lines: award.lines }),
    )
    const again = await post(`/store/competitions/${c.id}/award`, {}, purchasing())
    expect([again.status, again.body.code]).toEqual([409, "COMPETENCIA_NO_ABIERTA"])
  })

  it("the winner's confirmation window lapses: the award passes to the next ranked bid, which confirms at its own prices", async () => {
    const c = await published()
    for (const [who, price] of [
      [s1, "47.00"],
      [s2, "46.00"],
      [s3, "48.00"],
    ] as [Bidder, string][]) {
      expect((await bid(c, who, price)).status).toBe(201)
    }
    await opened(c.id)
    expect((await post(`/store/competitions/${c.id}/award`, {}, purchasing())).body.competition.award.supplier_id).toBe(s2.org)
    await setClock("2026-12-17T00:00:00.000Z")
    const late = await accept(c.id, s2)
    expect([late.status, late.body.code]).toEqual([409, "PLAZO_DE_CONFIRMACION_VENCIDO"])
    const head = await ledger.head()
    expect((await openDueCompetitions(container())).passed).toEqual([c.id])
    const passed = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    expect(passed.status).toBe("offered")
    expect(passed.award).toEqual(
      expect.objectContaining({
        supplier_id: s1.org,
        rank: 2,
        subtotal: "286700.00",
        lapsed: [expect.objectContaining({ supplier_id: s2.org, reason: "sin_confirmacion" })],
      }),
    )
    // offered Wednesday 16 Dec 18:00 → Friday 18 Dec 18:00
    expect(passed.confirmation_deadline).toBe("2026-12-19T00:00:00.000Z")
    expect((await ledger.since(head, "competition.")).map((e) => [e.action, e.actor_type])).toEqual([
      ["competition.award_passed", "system"],
    ])
    expect((await accept(c.id, s2)).body.code).toBe("ADJUDICACION_DE_OTRO_PROVEEDOR")
    const accepted = await accept(c.id, s1)
    expect(accepted.status).toBe(200)
    expect(accepted.body.competition.award).toEqual(expect.objectContaining({ supplier_id: s1.org, subtotal: "286700.00" }))
    expect(accepted.body.competition.status).toBe("awarded")
  })

  it("two awards racing on one competition: exactly one is recorded, the other gets 409", async () => {
    const c = await published()
    for (const [who, price] of [
      [s1, "47.00"],
      [s2, "46.00"],
      [s3, "48.00"],
    ] as [Bidder, string][]) {
      expect((await bid(c, who, price)).status).toBe(201)
    }
    await opened(c.id)
    const head = await ledger.head()
    const { gate, open } = barrier()
    const justification = "La ganadora calculada no garantiza la entrega en 4 días en las unidades médicas del norte."
    const envelope = await deviationSigned(c.id, s1.org, s2.org, justification)
    const race = [{}, { supplier_id: s1.org, justification, ...envelope }].map(async (body) => {
      await gate
      return post(`/store/competitions/${c.id}/award`, body, purchasing())
    })
    open()
    const results = await Promise.all(race)
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(results.find((r) => r.status === 409)!.body.code).toBe("COMPETENCIA_NO_ABIERTA")
    expect((await ledger.since(head, "competition.")).map((e) => e.action)).toEqual(["competition.award_offered"])
    const final = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    const winner = results.find((r) => r.status === 200)!.body.competition.award
    expect(final.award).toEqual(winner)
  })
  // ── the award feeds the contract-bound path: contract at the winning prices → both sign → order ──

  const pg = () =>
    container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as {
      raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
    }
  const rows = async (sql: string, params: unknown[] = []) => (await pg().raw(sql, params)).rows
  const contractsOf = async (id: string) =>
    rows(
      "select id, number, supplier_id, status, subtotal::text as subtotal, total::text as total from specific_contract where requisition_id = ? and deleted_at is null",
      [id],
    )
  const keyStages = async () => {
    const {
      data: [k],
    } = await container()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "budget_key", fields: ["reservado", "comprometido"], filters: { id: keyId } })
    return { reservado: String(k.reservado), comprometido: String(k.comprometido) }
  }
  const { sign } = contractSigners({
    baseUrl,
    publishableKey: () => world().publishableKey,
    container,
    ca: () => pki.ca,
    reader: purchasing,
  })
  /** A competition opened with these bids, awarded to the computed winner, who confirms. */
  async function awarded(bids: [Bidder, string][]) {
    const c = await published()
    for (const [who, price] of bids) {
      expect((await bid(c, who, price)).status).toBe(201)
    }
    await opened(c.id)
    const offered = await post(`/store/competitions/${c.id}/award`, {}, purchasing())
    expect(offered.status).toBe(200)
    return { c, winner: offered.body.competition.award.supplier_id as string }
  }

  it("the confirmed award's contract comes out of the contract-bound path at the winning prices, and both signatures release its order — to the centavo", async () => {
    const { c, winner } = await awarded([
      [s1, "47.00"],
      [s2, "46.00"],
      [s3, "48.00"],
    ])
    // the winner is not the supplier the requisition asked for (s1 at 49.90)
    expect(winner).toBe(s2.org)
    const generate = (bearer?: string) => post(`/store/competitions/${c.id}/contracts`, {}, bearer)
    // 304,390.00 + 16 % = 353,092.40 reserved at submission; nothing committed
    expect(await keyStages()).toEqual({ reservado: "353092.4", comprometido: "0" })

    // not before the winner confirms; and the requisition's own route does not bypass the award
    const unconfirmed = await generate(purchasing())
    expect([unconfirmed.status, unconfirmed.body.code]).toEqual([409, "ADJUDICACION_NO_CONFIRMADA"])
    const direct = await post(`/store/requisitions/${requisitionId}/contracts`, {}, purchasing())
    expect([direct.status, direct.body.code]).toEqual([400, "REQUISICION_NO_APROBADA"])
    expect((await accept(c.id, s2)).status).toBe(200)

    // other roles, other agencies, suppliers and the anonymous: refused, nothing written
    expect((await generate(token("requiring_unit"))).status).toBe(403)
    expect((await generate(token("observer"))).status).toBe(403)
    expect((await generate(s2.token)).status).toBe(403)
    expect((await generate()).status).toBe(401)
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyB,
        full_name: "Compras SEP",
        email: "compras3@sep.prueba.gob.mx",
        rfc: makeRfc("COSE", "790303", "A1"),
        password: PASSWORD,
        roles: [{ role: "purchasing_unit", unit_id: world().units["SEP-UC"] }],
      },
    })
    const foreign = await generate(await login(baseUrl(), "customer", "compras3@sep.prueba.gob.mx"))
    expect([foreign.status, foreign.body.code]).toEqual([404, "COMPETENCIA_NO_EXISTE"])
    const body = await post(`/store/competitions/${c.id}/contracts`, { supplier_id: s1.org }, purchasing())
    expect([body.status, body.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    // the ceiling in force fell below the awarded price after the award: refused, not contracted above it
    const fc = container().resolve("framework_contract") as { updateFrameworkItems: (d: object) => Promise<unknown> }
    const itemId = (c as unknown as { lines: { item_id: string }[] }).lines[0].item_id
    await fc.updateFrameworkItems({ id: itemId, ceiling_price: "45.99" })
    const ceiling = await generate(purchasing())
    expect([ceiling.status, ceiling.body.code]).toEqual([400, "CONTRATO_EXCEDE_PRECIO_TECHO"])
    await fc.updateFrameworkItems({ id: itemId, ceiling_price: "58.50" })
    expect(await contractsOf(requisitionId)).toEqual([])
    expect((await get(`/store/requisitions/${requisitionId}`, token("requiring_unit"))).body.requisition.status).toBe(
      "requires_competition",
    )

    const head = await ledger.head()
    const res = await generate(purchasing())
    expect(res.status).toBe(201)
    expect(res.body.specific_contracts).toHaveLength(1)
    const [contract] = await contractsOf(requisitionId)
    // 6,100 × 46.00 = 280,600.00; IVA 44,896.00; total 325,496.00 — the winner, at its bid
    expect([contract.supplier_id, contract.status, contract.subtotal, contract.total]).toEqual([
      s2.org,
      "pending_signatures",
      "280600",
      "325496",
    ])
    const sc = (await get(`/store/specific-contracts/${contract.id}`, purchasing())).body.specific_contract
    expect(
      sc.data.lines.map((l: { quantity: number; unit_price: string; subtotal: string; iva: string; total: string }) => [
        l.quantity,
        l.unit_price,
        l.subtotal,
        l.iva,
        l.total,
      ]),
    ).toEqual([[6100, "46.00", "280600.00", "44896.00", "325496.00"]])
    expect(sc.data.requisition_id).toBe(requisitionId)
    expect((await get(`/store/requisitions/${requisitionId}`, token("requiring_unit"))).body.requisition.status).toBe("contracted")
    // joined by module links: competition ↔ contract, requisition ↔ contract
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [linked],
    } = await query.graph({ entity: "competition", fields: ["id", "specific_contracts.id"], filters: { id: c.id } })
    expect((linked.specific_contracts as { id: string }[]).map((x) => x.id)).toEqual([contract.id])
    // savings against the ceilings: 6,100 × (58.50 − 46.00)
    const entries = await ledger.since(head)
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["specific_contract.created", "requisition.contracts_generated", "competition.contract_generated"]),
    )
    expect(entries.find((e) => e.action === "competition.contract_generated")!.details).toEqual(
      expect.objectContaining({ contract: contract.number, subtotal: "280600.00", savings: "76250.00" }),
    )
    const again = await generate(purchasing())
    expect([again.status, again.body.code]).toEqual([400, "CONTRATOS_YA_GENERADOS"])

    // both sign → in force → commitment with IVA from the reservation, the order released at the contract's prices
    const orgs = container().resolve("organization") as { listPeople: (f: object) => Promise<{ id: string }[]> }
    const [rep2] = await orgs.listPeople({ email: "ventas@ofimex.prueba.mx" })
    expect((await sign(contract.id as string, "agency", world().actors.purchasing_unit)).status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "353092.4", comprometido: "0" })
    const inForce = await sign(contract.id as string, "supplier", { person_id: rep2.id, token: s2.token, actor_type: "supplier" })
    expect(inForce.status).toBe(200)
    expect(inForce.body.specific_contract.status).toBe("in_force")
    // the only contract: commitment 325,496.00, the rest of the reservation (27,596.40) released
    expect(await keyStages()).toEqual({ reservado: "0", comprometido: "325496" })
    expect(
      await rows("select type, amount::text as amount from budget_movement where budget_key_id = ? order by created_at", [keyId]),
    ).toEqual([
      { type: "reserve", amount: "353092.40" },
      { type: "commit", amount: "325496.00" },
      { type: "release", amount: "27596.40" },
    ])
    const {
      data: [withOrder],
    } = await query.graph({
      entity: "specific_contract",
      fields: [
        "id",
        "order.id",
        "order.tax_total",
        "order.total",
        "order.items.variant_id",
        "order.items.unit_price",
        "order.items.detail.quantity",
      ],
      filters: { id: contract.id },
    })
    const order = withOrder.order as unknown as {
      id: string
      tax_total: number
      total: number
      items: { variant_id: string; unit_price: number; detail: { quantity: number } }[]
    }
    const { data: offers } = await query.graph({ entity: "offer", fields: ["variant_id"], filters: { supplier_id: s2.org } })
    expect(order.items.map((i) => [i.variant_id, Number(i.unit_price), Number(i.detail.quantity)])).toEqual([
      [offers[0].variant_id, 46, 6100],
    ])
    expect([Number(order.tax_total), Number(order.total)]).toEqual([44896, 325496])
    expect((await get(`/store/requisitions/${requisitionId}`, token("requiring_unit"))).body.requisition.status).toBe("ordered")
    // the winner sees its order
    const mine = await request(baseUrl()).get("/supplier/orders").set("authorization", `Bearer ${s2.token}`)
    expect(mine.body.orders.map((o: { id: string }) => o.id)).toEqual([order.id])

    // OCDS (transparency, docs/transparency.md): the competition is its own contracting process, linked to
    // the framework's; bids only from the opening on; the award and the winner's contract in the same process.
    // Releases come from events handled after each request: read until the contract in force is published.
    const number = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition.number as string
    const ocid = `ocds-tdgfmx-${number}`
    type Rel = Record<string, any>
    let pkg = await request(baseUrl()).get(`/public/ocds/releases/${ocid}`)
    for (let i = 0; i < 400 && !(pkg.status === 200 && pkg.body.releases.some((r: Rel) => r.contracts?.[0]?.status === "active")); i++) {
      pkg = await request(baseUrl()).get(`/public/ocds/releases/${ocid}`)
    }
    expect(pkg.status).toBe(200)
    expect(validateReleasePackage(pkg.body).errors).toEqual([])
    const releases = pkg.body.releases as Rel[]
    expect(releases[0].tag).toEqual(["tender"])
    expect(releases[0].bids).toBeUndefined()
    expect(releases.map((r) => r.tag).flat()).toEqual(expect.arrayContaining(["award", "contract"]))
    const last = releases[releases.length - 1]
    const fwNumber = sc.data.framework_contract.number as string
    expect(last.relatedProcesses).toEqual([
      expect.objectContaining({ relationship: ["framework"], scheme: "ocid", identifier: `ocds-tdgfmx-${fwNumber}` }),
    ])
    expect(last.tender).toEqual(expect.objectContaining({ procurementMethod: "selective", competitive: true, numberOfTenderers: 3 }))
    expect(last.tender.items).toEqual([expect.objectContaining({ classification: { scheme: "UNSPSC", id: "44121704" }, quantity: 6100 })])
    expect(last.bids.statistics).toEqual([
      { id: "bids", measure: 3 },
      { id: "validBids", measure: 3 },
    ])
    expect(last.awards).toEqual([
      expect.objectContaining({
        status: "active",
        suppliers: [expect.objectContaining({ id: s2.org })],
        value: { amount: 280600, currency: "MXN" },
      }),
    ])
    expect(last.contracts).toEqual([
      expect.objectContaining({
        id: contract.number,
        awardID: last.awards[0].id,
        status: "active",
        value: { amount: 325496, currency: "MXN" },
      }),
    ])
    // the winner's contract is not published as a direct call-off of its own
    expect((await request(baseUrl()).get(`/public/ocds/releases/ocds-tdgfmx-${contract.number}`)).status).toBe(404)
  })

  it("an award whose total exceeds what the requisition reserved is refused with its code, and nothing is written", async () => {
    // the requisition priced 6,100 at 49.90 (353,092.40 with IVA); the best bid is 50.00 (353,800.00)
    const { c, winner } = await awarded([
      [s1, "50.00"],
      [s2, "51.00"],
      [s3, "52.00"],
    ])
    expect(winner).toBe(s1.org)
    expect((await accept(c.id, s1)).status).toBe(200)
    const head = await ledger.head()
    const res = await post(`/store/competitions/${c.id}/contracts`, {}, purchasing())
    expect([res.status, res.body.code]).toEqual([400, "CONTRATO_EXCEDE_REQUISICION"])
    expect(await contractsOf(requisitionId)).toEqual([])
    expect(await ledger.since(head)).toEqual([])
    expect((await get(`/store/requisitions/${requisitionId}`, token("requiring_unit"))).body.requisition.status).toBe(
      "requires_competition",
    )
    expect(await keyStages()).toEqual({ reservado: "353092.4", comprometido: "0" })
  })
  it("rules are effective-dated data per lot with their legal citation: the competition takes the rules in force when its bidding opens, and a later change never alters it", async () => {
    const c = await draft()
    const lotId = (c as unknown as { lot_id: string }).lot_id
    const rule = (over: object = {}) => ({
      lot_id: lotId,
      effective_from: PUBLISHED.toISOString(),
      citation: "Acuerdo de reglas de la segunda etapa, DOF 01/12/2026, numeral 5",
      min_invitees: 3,
      min_valid_bids: 3,
      bid_window_business_days: 3,
      winner_confirmation_business_days: 1,
      abnormally_low_pct: 30,
      sme_preferences: { tie_break: false, reserved: false },
      ...over,
    })
    const admin = token("shcp_contract_admin")
    const list = async () => (await get(`/admin/competition-rules?lot_id=${lotId}`, admin)).body.competition_rules
    // denials, retroactive and malformed rules: nothing written
    expect((await post("/admin/competition-rules", rule(), token("shcp_planning"))).status).toBe(403)
    expect((await post("/admin/competition-rules", rule(), s1.token)).status).toBe(401)
    expect((await post("/admin/competition-rules", rule(), purchasing())).status).toBe(401)
    const past = await post("/admin/competition-rules", rule({ effective_from: "2026-12-07T15:59:59.000Z" }), admin)
    expect([past.status, past.body.code]).toEqual([400, "VIGENCIA_RETROACTIVA"])
    const bad = await post("/admin/competition-rules", rule({ min_valid_bids: 0 }), admin)
    expect([bad.status, bad.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    const noCitation = await post("/admin/competition-rules", rule({ citation: "" }), admin)
    expect([noCitation.status, noCitation.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    expect(await list()).toEqual([])

    const head = await ledger.head()
    const created = await post("/admin/competition-rules", rule(), admin)
    expect(created.status).toBe(201)
    expect((await ledger.since(head, "competition_rule.")).map((e) => e.action)).toEqual(["competition_rule.created"])
    const twice = await post("/admin/competition-rules", rule(), admin)
    expect([twice.status, twice.body.code]).toEqual([409, "REGLA_YA_EXISTE"])

    // publication snapshots the rules in force now: 3 business days → Thursday 10 Dec 18:00
    expect((await declare(c.id, purchasing(), "store")).status).toBe(201)
    const p = await post(`/store/competitions/${c.id}/publish`, {}, purchasing())
    expect(p.status).toBe(200)
    expect(p.body.competition.bid_deadline).toBe("2026-12-11T00:00:00.000Z")
    const snapshot = p.body.competition.rules
    expect(snapshot).toEqual(
      expect.objectContaining({
        rule_id: created.body.competition_rule.id,
        citation: rule().citation,
        min_valid_bids: 3,
        abnormally_low_pct: 30,
        winner_confirmation_business_days: 1,
        tie_break: ["earliest_submission"],
      }),
    )

    // a later rule (from Tuesday, asking only 2 valid bids) does not alter the published competition
    expect(
      (
        await post(
          "/admin/competition-rules",
          rule({ effective_from: "2026-12-08T06:00:00.000Z", min_valid_bids: 2, bid_window_business_days: 5 }),
          admin,
        )
      ).status,
    ).toBe(201)
    expect((await list()).map((r: { min_valid_bids: number }) => r.min_valid_bids)).toEqual([2, 3])
    await setClock("2026-12-09T16:00:00.000Z")
    expect((await get(`/store/competitions/${c.id}`, purchasing())).body.competition.rules).toEqual(snapshot)
    for (const [who, price] of [
      [s1, "47.00"],
      [s2, "46.00"],
    ] as [Bidder, string][]) {
      expect((await declare(c.id, who.token)).status).toBe(201)
      expect((await bid(c, who, price)).status).toBe(201)
    }
    // two valid bids: enough under the new rule, not under the competition's → deserted
    await setClock("2026-12-11T00:00:00.000Z")
    expect((await openDueCompetitions(container())).opened).toEqual([c.id])
    const o = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    expect(o.status).toBe("deserted")
    expect(o.deserted_reason).toMatch(/2 propuesta\(s\) válida\(s\) de 2 presentada\(s\); las reglas exigen al menos 3/)
    // the public record carries the rules with their citation
    expect((await request(baseUrl()).get(`/public/competitions/${c.id}`)).body.competition.rules.citation).toBe(rule().citation)

    // the lot competes again under a rule that reserves it to SMEs: the large supplier is recorded, not invited
    expect(
      (
        await post(
          "/admin/competition-rules",
          rule({ effective_from: "2026-12-11T00:00:00.000Z", min_invitees: 2, sme_preferences: { tie_break: true, reserved: true } }),
          admin,
        )
      ).status,
    ).toBe(201)
    const again = await draft()
    expect((await declare(again.id, purchasing(), "store")).status).toBe(201)
    const reserved = await post(`/store/competitions/${again.id}/publish`, {}, purchasing())
    expect(reserved.status).toBe(200)
    expect(reserved.body.competition.rules).toEqual(expect.objectContaining({ sme_reserved: true, min_invitees: 2 }))
    const by = Object.fromEntries(
      reserved.body.competition.invitations.map((i: { supplier_id: string; status: string; reasons: { code: string }[] }) => [
        i.supplier_id,
        [i.status, i.reasons.map((r) => r.code)],
      ]),
    )
    expect([by[s1.org], by[s2.org], by[s3.org]]).toEqual([
      ["invited", []],
      ["not_eligible", ["LOTE_RESERVADO_MIPYME"]],
      ["invited", []],
    ])
  })

  it("too few valid bids under a re-invite rule: nothing is revealed, every eligible supplier is invited again with a new deadline in business days, and the sealed bids compete in the new round", async () => {
    const d = await draft()
    const lotId = (d as unknown as { lot_id: string }).lot_id
    expect(
      (
        await post(
          "/admin/competition-rules",
          {
            lot_id: lotId,
            effective_from: PUBLISHED.toISOString(),
            citation: "Acuerdo de reglas de la segunda etapa, DOF 01/12/2026, numeral 7",
            min_invitees: 3,
            min_valid_bids: 2,
            on_insufficient_bids: "reinvite",
            bid_window_business_days: 3,
            winner_confirmation_business_days: 1,
            abnormally_low_pct: 40,
            sme_preferences: { tie_break: true, reserved: false },
          },
          token("shcp_contract_admin"),
        )
      ).status,
    ).toBe(201)
    expect((await declare(d.id, purchasing(), "store")).status).toBe(201)
    const p = await post(`/store/competitions/${d.id}/publish`, {}, purchasing())
    expect([p.status, p.body.competition.bid_deadline, p.body.competition.round]).toEqual([200, "2026-12-11T00:00:00.000Z", 1])
    const c = p.body.competition as { id: string; lines: { id: string }[] }
    expect((await declare(c.id, s1.token)).status).toBe(201)
    expect((await bid(c, s1, "47.00")).status).toBe(201)
    // supplier 3 is sanctioned before the first close: the new round does not invite it
    const {
      data: [rfc3],
    } = await container()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "organization", fields: ["rfc"], filters: { id: s3.org } })
    await post(
      "/admin/sanctions",
      {
        sanctions: [
          {
            supplier_rfc: rfc3.rfc,
            supplier_name: "Papelera Queretana",
            type: "Inhabilitación",
            authority: "SABG",
            starts_on: "2026-12-09",
          },
        ],
      },
      token("shcp_contract_admin"),
    )

    const head = await ledger.head()
    await setClock("2026-12-11T00:00:00.000Z")
    expect((await openDueCompetitions(container())).opened).toEqual([c.id])
    const r = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    // Thursday 10 Dec 18:00 close; 3 business days → Tuesday 15 Dec 18:00 Mexico City
    expect([r.status, r.round, r.bid_deadline, r.opened_at, r.evaluation, r.bid_count, r.bids]).toEqual([
      "bidding",
      2,
      "2026-12-16T00:00:00.000Z",
      null,
      undefined,
      1,
      undefined,
    ])
    expect(r.rounds).toEqual([
      expect.objectContaining({
        round: 1,
        bid_count: 1,
        valid_count: 1,
        bid_deadline: "2026-12-11T00:00:00.000Z",
        new_deadline: "2026-12-16T00:00:00.000Z",
      }),
    ])
    const by = Object.fromEntries(
      r.invitations.map((i: { supplier_id: string; status: string; reasons: { code: string }[] }) => [
        i.supplier_id,
        [i.status, i.reasons.map((x) => x.code)],
      ]),
    )
    expect([by[s1.org], by[s2.org], by[s3.org]]).toEqual([
      ["invited", []],
      ["invited", []],
      ["not_eligible", ["PROVEEDOR_SANCIONADO"]],
    ])
    expect((await bidRows(c.id)).map((b) => b.status)).toEqual(["sealed"])
    expect(JSON.stringify(r)).not.toContain("47.00")
    const entries = await ledger.since(head, "competition.")
    expect(entries.map((e) => [e.action, e.actor_type])).toEqual([["competition.reinvited", "system"]])
    expect(JSON.stringify(entries)).not.toContain("47.00")
    // the sanctioned supplier can no longer bid; supplier 2 bids in the new round
    expect((await declare(c.id, s3.token)).body.code).toBe("PROVEEDOR_NO_INVITADO")
    expect((await declare(c.id, s2.token)).status).toBe(201)
    expect((await bid(c, s2, "46.00")).status).toBe(201)

    // the second close: the first round's sealed bid and the new one are evaluated together
    await setClock("2026-12-16T00:00:00.000Z")
    expect((await openDueCompetitions(container())).opened).toEqual([c.id])
    const o = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    expect([o.status, o.round]).toEqual(["opened", 2])
    expect(o.bids.map((b: { supplier_id: string; total: string; rank: number }) => [b.supplier_id, b.total, b.rank])).toEqual([
      [s2.org, "280600.00", 1],
      [s1.org, "286700.00", 2],
    ])
  })
  // ── e.firma on the integrity declarations, the deviation's justification and the winner's confirmation ──

  it("e.firma: a declaration, a deviation's justification and the winner's confirmation are recorded only with a good signature of the signer; a bad one is refused and writes nothing", async () => {
    const c = await draft()
    const view = (await get(`/store/competitions/${c.id}/integrity-declaration`, purchasing())).body.integrity_declaration
    const path = `/store/competitions/${c.id}/integrity-declaration`
    const text_sha256 = view.text_in_force.text_sha256
    const official = await efirmaOf(purchasing())
    // the payload altered after signing, another key behind the certificate, no signature at all, a certificate never registered
    const bad = [
      [{ text_sha256, ...signWithKeyOf(official, official, { ...view.signing_payload, competition_id: "mcomp_otra" }) }, "FIRMA_INVALIDA"],
      [{ text_sha256, ...signWithKeyOf(await efirmaOf(s1.token), official, view.signing_payload) }, "FIRMA_INVALIDA"],
      [{ text_sha256 }, "DATOS_INVALIDOS"],
    ] as const
    for (const [body, code] of bad) {
      const res = await post(path, body, purchasing())
      expect([res.status, res.body.code]).toEqual([400, code])
    }
    const unregistered = issueCertificate(
      pki.ca,
      { rfc: (await efirmaOf(purchasing())).rfc, name: "Compras SSA" },
      { password: "Prueba-Firma-2026", valid_from: new Date("2026-01-01T00:00:00Z"), valid_to: new Date("2030-12-31T00:00:00Z") },
    )
    const notRegistered = await post(
      path,
      { text_sha256, ...signWithKeyOf(unregistered, unregistered, view.signing_payload) },
      purchasing(),
    )
    expect([notRegistered.status, notRegistered.body.code]).toEqual([400, "CERTIFICADO_NO_REGISTRADO"])
    expect((await get(path, purchasing())).body.integrity_declaration.declaration).toBeNull()
    const head = await ledger.head()
    const good = await post(path, { text_sha256, ...signWithKeyOf(official, official, view.signing_payload) }, purchasing())
    expect(good.status).toBe(201)
    expect(good.body.integrity_declaration.declaration).toEqual(
      expect.objectContaining({ certificate_serial: official.serial, payload_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    )
    const [declared] = await ledger.since(head, "competition.")
    expect(declared.action).toBe("competition.integrity_declared")
    expect(JSON.stringify(declared)).toContain(official.serial)

    // published, bid, opened: s2 wins on price; the Purchasing Unit deviates to s1
    expect((await post(`/store/competitions/${c.id}/publish`, {}, purchasing())).status).toBe(200)
    for (const [who, price] of [
      [s1, "47.00"],
      [s2, "46.00"],
      [s3, "48.00"],
    ] as [Bidder, string][]) {
      expect((await declare(c.id, who.token)).status).toBe(201)
      expect((await bid(c, who, price)).status).toBe(201)
    }
    await opened(c.id)
    const justification = "La ganadora calculada no garantiza la entrega en 4 días en las unidades médicas del norte."
    const award = (body: object) => post(`/store/competitions/${c.id}/award`, { supplier_id: s1.org, justification, ...body }, purchasing())
    const unsigned = await award({})
    expect([unsigned.status, unsigned.body.code]).toEqual([400, "FIRMA_REQUERIDA"])
    // a signature over another justification does not sign this one
    const otherText = await award(await deviationSigned(c.id, s1.org, s2.org, `${justification} (borrador)`))
    expect([otherText.status, otherText.body.code]).toEqual([400, "FIRMA_INVALIDA"])
    expect((await get(`/store/competitions/${c.id}`, purchasing())).body.competition.status).toBe("opened")
    const deviated = await award(await deviationSigned(c.id, s1.org, s2.org, justification))
    expect(deviated.status).toBe(200)
    const offered = deviated.body.competition.award
    expect(offered).toEqual(
      expect.objectContaining({
        supplier_id: s1.org,
        computed_winner_supplier_id: s2.org,
        deviates: true,
        justification,
        justification_signature: expect.objectContaining({
          person_id: world().actors.purchasing_unit.person_id,
          certificate_serial: official.serial,
        }),
        flags: [
          expect.objectContaining({
            kind: "adjudicacion_distinta_a_la_calculada",
            certificate_serial: official.serial,
          }),
        ],
      }),
    )

    // the winner confirms with its e.firma over the offer's signing payload
    const offer = (await get(`/supplier/competitions/${c.id}`, s1.token)).body.competition
    expect(offer.award_signing_payload).toEqual({
      documento: "aceptacion_de_adjudicacion",
      competition_id: c.id,
      supplier_id: s1.org,
      bid_id: offered.bid_id,
      commitment: offered.commitment,
      subtotal: "286700.00",
      offered_at: offered.offered_at,
    })
    expect((await get(`/supplier/competitions/${c.id}`, s2.token)).body.competition.award_signing_payload).toBeNull()
    const winnerCred = await efirmaOf(s1.token)
    const tampered = await post(
      `/supplier/competitions/${c.id}/award/accept`,
      signWithKeyOf(winnerCred, winnerCred, { ...offer.award_signing_payload, subtotal: "1.00" }),
      s1.token,
    )
    expect([tampered.status, tampered.body.code]).toEqual([400, "FIRMA_INVALIDA"])
    // another person's certificate (supplier 2's user) does not sign for supplier 1's user
    const foreign = await post(
      `/supplier/competitions/${c.id}/award/accept`,
      signWithKeyOf(await efirmaOf(s2.token), await efirmaOf(s2.token), offer.award_signing_payload),
      s1.token,
    )
    expect([foreign.status, foreign.body.code]).toEqual([400, "RFC_NO_COINCIDE"])
    expect((await get(`/store/competitions/${c.id}`, purchasing())).body.competition.status).toBe("offered")
    const confirmed = await accept(c.id, s1)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.competition.status).toBe("awarded")
    expect(confirmed.body.competition.award.acceptance_signature).toEqual(
      expect.objectContaining({ person_id: s1.person_id, certificate_serial: winnerCred.serial }),
    )
  })

  it("re-invites as many rounds as the rules grant (max_reinvite_rounds), then deserts — by the injected clock", async () => {
    const d = await draft()
    const lotId = (d as unknown as { lot_id: string }).lot_id
    const rule = await post(
      "/admin/competition-rules",
      {
        lot_id: lotId,
        effective_from: PUBLISHED.toISOString(),
        citation: "Acuerdo de reglas de la segunda etapa, DOF 01/12/2026, numeral 7",
        min_invitees: 3,
        min_valid_bids: 2,
        on_insufficient_bids: "reinvite",
        max_reinvite_rounds: 2,
        bid_window_business_days: 3,
        winner_confirmation_business_days: 1,
        abnormally_low_pct: 40,
        sme_preferences: { tie_break: true, reserved: false },
      },
      token("shcp_contract_admin"),
    )
    expect([rule.status, rule.body.competition_rule.max_reinvite_rounds]).toEqual([201, 2])
    expect((await declare(d.id, purchasing(), "store")).status).toBe(201)
    const p = await post(`/store/competitions/${d.id}/publish`, {}, purchasing())
    expect([p.status, p.body.competition.rules.max_reinvite_rounds]).toEqual([200, 2])
    const c = p.body.competition as { id: string; lines: { id: string }[] }
    expect((await declare(c.id, s1.token)).status).toBe(201)
    expect((await bid(c, s1, "47.00")).status).toBe(201)
    // round 1 closes Thursday 10 Dec 18:00 → round 2 until Tuesday 15 Dec 18:00 → round 3 until Friday 18 Dec 18:00
    const closes = ["2026-12-11T00:00:00.000Z", "2026-12-16T00:00:00.000Z", "2026-12-19T00:00:00.000Z"]
    const seen: [string, number, string | null][] = []
    for (const at of closes) {
      // one tick before the deadline nothing happens
      await setClock(new Date(new Date(at).getTime() - 1))
      expect((await openDueCompetitions(container())).opened).toEqual([])
      await setClock(at)
      expect((await openDueCompetitions(container())).opened).toEqual([c.id])
      const r = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
      seen.push([r.status, r.round, r.status === "bidding" ? r.bid_deadline : null])
    }
    expect(seen).toEqual([
      ["bidding", 2, "2026-12-16T00:00:00.000Z"],
      ["bidding", 3, "2026-12-19T00:00:00.000Z"],
      ["deserted", 3, null],
    ])
    const final = (await get(`/store/competitions/${c.id}`, purchasing())).body.competition
    expect(final.rounds.map((r: { round: number }) => r.round)).toEqual([1, 2])
    expect(final.deserted_reason).toMatch(/al menos 2/)
  })

  it("points with published weights and SME bonus points: the rules are published with the competition before any bid, and the evaluation ranks and explains by points", async () => {
    const d = await draft()
    const lotId = (d as unknown as { lot_id: string }).lot_id
    const base = {
      lot_id: lotId,
      effective_from: PUBLISHED.toISOString(),
      citation: "Acuerdo de reglas de la segunda etapa, DOF 01/12/2026, numeral 9 (puntos y porcentajes)",
      min_invitees: 3,
      min_valid_bids: 2,
      bid_window_business_days: 5,
      winner_confirmation_business_days: 2,
      abnormally_low_pct: 40,
      method: "points",
      weights: { price: 60, delivery_days: 40 },
      sme_preferences: { tie_break: true, reserved: false, bonus_points: 5 },
    }
    const admin = token("shcp_contract_admin")
    // weights that do not add up to 100, and a bonus without points: refused
    const badWeights = await post("/admin/competition-rules", { ...base, weights: { price: 60, delivery_days: 30 } }, admin)
    expect([badWeights.status, badWeights.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    const bonusWithoutPoints = await post("/admin/competition-rules", { ...base, method: "lowest_price", weights: null }, admin)
    expect([bonusWithoutPoints.status, bonusWithoutPoints.body.code]).toEqual([400, "DATOS_INVALIDOS"])
    expect((await post("/admin/competition-rules", base, admin)).status).toBe(201)
    expect((await declare(d.id, purchasing(), "store")).status).toBe(201)
    expect((await post(`/store/competitions/${d.id}/publish`, {}, purchasing())).status).toBe(200)
    // every invited supplier sees the method, the weights and the bonus before bidding
    const seen = (await get(`/supplier/competitions/${d.id}`, s1.token)).body.competition
    expect(seen.rules).toEqual(
      expect.objectContaining({ method: "points", weights: { price: 60, delivery_days: 40 }, sme_bonus_points: 5 }),
    )
    expect((await request(baseUrl()).get(`/public/competitions/${d.id}`)).body.competition.rules).toEqual(
      expect.objectContaining({ method: "points", weights: { price: 60, delivery_days: 40 }, sme_bonus_points: 5 }),
    )
    const line = d.lines[0].id
    const offer = (who: Bidder, price: string, days: number) =>
      post(`/supplier/competitions/${d.id}/bid`, { lines: [{ line_id: line, unit_price: price }], delivery_days: days }, who.token)
    for (const who of [s1, s2, s3]) {
      expect((await declare(d.id, who.token)).status).toBe(201)
    }
    // s2 (grande) cheapest but slow; s1 (mediana, SME) a little dearer and fast; s3 (pequeña, SME) dearest and slowest
    expect((await offer(s2, "46.00", 10)).status).toBe(201)
    expect((await offer(s1, "47.00", 4)).status).toBe(201)
    expect((await offer(s3, "50.00", 8)).status).toBe(201)
    const o = await opened(d.id)
    // s1: 60 × 280,600 ÷ 286,700 = 58.72 + 40 × 4 ÷ 4 = 40 + 5 = 103.72
    // s2: 60 + 40 × 4 ÷ 10 = 16 → 76.00
    // s3: 60 × 280,600 ÷ 305,000 = 55.20 + 40 × 4 ÷ 8 = 20 + 5 → 80.20
    expect(o.evaluation.method).toBe("points")
    expect(
      o.evaluation.bids.map((b: { supplier_id: string; rank: number; points: { total: string } }) => [
        b.supplier_id,
        b.rank,
        b.points.total,
      ]),
    ).toEqual([
      [s1.org, 1, "103.72"],
      [s3.org, 2, "80.20"],
      [s2.org, 3, "76.00"],
    ])
    expect(o.bids.map((b: { supplier_id: string }) => b.supplier_id)).toEqual([s1.org, s3.org, s2.org])
    expect(o.evaluation.rationale).toMatch(
      /^Mayor puntuación entre 3 propuestas válidas, con las ponderaciones publicadas \(precio 60 puntos, plazo de entrega 40 puntos, bonificación MIPYME 5 puntos\): 103\.72 puntos/,
    )
    const awarded = await post(`/store/competitions/${d.id}/award`, {}, purchasing())
    expect([awarded.status, awarded.body.competition.award.supplier_id, awarded.body.competition.award.deviates]).toEqual([
      200,
      s1.org,
      false,
    ])
    expect(awarded.body.competition.award.rationale).toMatch(/103\.72 puntos/)
  })
})
