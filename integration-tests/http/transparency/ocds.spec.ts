import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { writeTestCaDirectory, type TestCaDirectory } from "@tienda/contracts/efirma"
import Ajv from "ajv"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import request from "supertest"
import { describeApp } from "../../utils/runner"
import { contractOrderFixtures } from "../e-invoicing/contract-order"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE (read at the first verification).
const pki: TestCaDirectory = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "tr-ocds-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
type Json = Record<string, any>

// The official OCDS 1.1.5 schemas (as shipped with the plugin), compiled here on their own.
const SCHEMAS = join(__dirname, "../../../plugins/transparency/schema/ocds-1.1.5")
const ajv = new Ajv({ schemaId: "id", meta: false, missingRefs: "ignore", logger: false, allErrors: true, unknownFormats: "ignore" })
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"))
const schema = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), "utf8"))
ajv.addSchema(schema("release-schema.json"))
ajv.addSchema(schema("record-schema.json"))
const releasePackageValid = ajv.compile(schema("release-package-schema.json"))
const recordPackageValid = ajv.compile(schema("record-package-schema.json"))
const errorsOf = (v: typeof releasePackageValid, data: unknown) =>
  v(data) ? [] : (v.errors ?? []).map((e) => `${e.dataPath} ${e.message}`)

const PREFIX = "ocds-tdgfmx"

/**
 * OCDS publication over HTTP: a direct call-off driven through the real
 * flow (framework published → requisition approved → specific contract →
 * both e.firma signatures) publishes releases of the framework process and
 * of the call-off's own process, linked; anyone reads them without login,
 * as release and record packages that validate against the official
 * schemas, paged by date and in bulk. Releases come from events handled
 * asynchronously: the tests read until the expected release is there.
 */
describeApp("OCDS publication (transparency)", ({ world, baseUrl, container }) => {
  const fx = contractOrderFixtures(world, baseUrl, container, () => pki.ca)
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const pub = (path: string) => request(baseUrl()).get(path)

  /** Reads a public path until `done` holds (events are handled after the request that raised them). */
  async function until(path: string, done: (body: Json) => boolean, max = 400) {
    let r = await pub(path)
    for (let i = 1; i < max && !(r.status === 200 && done(r.body)); i++) {
      r = await pub(path)
    }
    return r
  }

  it("a direct call-off is its own process linked to the framework's; releases validate, carry tags, UNSPSC items, RFCs and no personal data", async () => {
    const o = await fx.signedContractOrder({ quantity: 10, price: "49.90", deliveryDate: "2027-01-15" })
    const ocid = `${PREFIX}-${o.contract_number}`

    // the call-off: published at creation, updated when both signatures put it in force
    const res = await until(`/public/ocds/releases/${ocid}`, (b) => b.releases.some((r: Json) => r.contracts?.[0]?.status === "active"))
    expect(res.status).toBe(200)
    expect(errorsOf(releasePackageValid, res.body)).toEqual([])
    const releases = res.body.releases as Json[]
    expect(res.body.version).toBe("1.1")
    expect(releases.every((r) => r.ocid === ocid)).toBe(true)
    expect(releases[0].tag).toEqual(["planning", "tender", "award", "contract"])
    expect(releases[0].contracts[0].status).toBe("pending")
    const last = releases[releases.length - 1]
    expect(last.tag).toEqual(["contractUpdate"])
    expect(new Set(releases.map((r) => r.id)).size).toBe(releases.length)

    // linked to the framework agreement's process
    const {
      data: [sc],
    } = await container()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "specific_contract", fields: ["framework_contract_id", "data"], filters: { id: o.contract_id } })
    const fwNumber = (sc.data as Json).framework_contract.number as string
    expect(last.relatedProcesses).toEqual([
      expect.objectContaining({ relationship: ["framework"], scheme: "ocid", identifier: `${PREFIX}-${fwNumber}` }),
    ])

    // tender, award and contract of the call-off: UNSPSC items, budget breakdown, exact amounts
    expect(last.tender).toEqual(expect.objectContaining({ procurementMethod: "direct", status: "complete", competitive: false }))
    expect(last.tender.items).toEqual([
      expect.objectContaining({
        classification: { scheme: "UNSPSC", id: "44121704" },
        quantity: 10,
        unit: expect.objectContaining({ value: { amount: 49.9, currency: "MXN" } }),
      }),
    ])
    expect(last.awards[0].suppliers).toEqual([{ id: world().orgs.supplier, name: expect.any(String) }])
    expect(last.contracts[0]).toEqual(
      expect.objectContaining({ id: o.contract_number, awardID: last.awards[0].id, value: { amount: Number(o.total), currency: "MXN" } }),
    )
    expect(last.planning.budget.budgetBreakdown[0]).toEqual(
      expect.objectContaining({ classifications: expect.objectContaining({ partida: (sc.data as Json).budget.partida }) }),
    )

    // parties: organizations with roles and RFC identifiers
    const orgs = (await pg().raw("select id, rfc from organization where id = any(?)", [[world().orgs.agencyA, world().orgs.supplier]]))
      .rows
    const rfc = new Map(orgs.map((r) => [r.id as string, r.rfc as string]))
    const party = (id: string) => (last.parties as Json[]).find((p) => p.id === id)!
    expect(party(world().orgs.agencyA)).toEqual(
      expect.objectContaining({ roles: ["buyer", "payer", "procuringEntity"], identifier: expect.objectContaining({ scheme: "MX-RFC" }) }),
    )
    expect(party(world().orgs.supplier).roles).toEqual(["payee", "supplier"])
    for (const id of [world().orgs.agencyA, world().orgs.supplier]) {
      const r = rfc.get(id)!
      // a legal person's RFC is published; a natural person's (13 characters) is withheld
      expect(party(id).identifier.id).toBe(r.length === 13 ? undefined : r)
    }

    // redaction: no signer, no person's RFC, no e-mail anywhere in what is published
    const people = (
      await pg().raw("select full_name, rfc, email from person where organization_id = any(?)", [
        [world().orgs.agencyA, world().orgs.supplier],
      ])
    ).rows
    const text = JSON.stringify(res.body)
    expect(people.length).toBeGreaterThan(0)
    for (const p of people) {
      expect(text).not.toContain(p.full_name as string)
      if (p.rfc) {
        expect(text).not.toContain(p.rfc as string)
      }
      if (p.email) {
        expect(text).not.toContain(p.email as string)
      }
    }

    // the framework agreement's own process: techniques extension, each admission an award
    const fw = await until(`/public/ocds/releases/${PREFIX}-${fwNumber}`, (b) => b.releases.length > 0)
    expect(fw.status).toBe(200)
    expect(errorsOf(releasePackageValid, fw.body)).toEqual([])
    const fwLast = fw.body.releases[fw.body.releases.length - 1]
    expect(fwLast.tender.techniques).toEqual(expect.objectContaining({ hasFrameworkAgreement: true }))
    expect(fwLast.tender.procurementMethod).toBe("selective")
    expect((fwLast.awards as Json[]).flatMap((a) => a.suppliers.map((s: Json) => s.id)).sort()).toEqual(
      [world().orgs.supplier, world().orgs.supplier2].sort(),
    )

    // the record: every release embedded and the compiled release
    const record = await pub(`/public/ocds/records/${ocid}`)
    expect(record.status).toBe(200)
    expect(errorsOf(recordPackageValid, record.body)).toEqual([])
    expect(record.body.records[0].releases).toHaveLength(releases.length)
    expect(record.body.records[0].compiledRelease).toEqual(
      expect.objectContaining({ ocid, tag: ["compiled"], contracts: [expect.objectContaining({ status: "active" })] }),
    )

    // the store keeps them append-only: no release can be rewritten
    await expect(pg().raw("update tr_ocds_release set tags = '[]'::jsonb where ocid = ?", [ocid])).rejects.toThrow(/append-only/)
  })

  it("lists releases by date with pagination, downloads them in bulk (gzipped JSON lines); unknown ocid and bad dates refused", async () => {
    const o = await fx.signedContractOrder({ quantity: 4, deliveryDate: "2027-01-15" })
    const ocid = `${PREFIX}-${o.contract_number}`
    await until(`/public/ocds/releases/${ocid}`, (b) => b.releases.some((r: Json) => r.contracts?.[0]?.status === "active"))
    const total = Number((await pg().raw("select count(*)::int as n from tr_ocds_release")).rows[0].n)
    expect(total).toBeGreaterThanOrEqual(3)

    const page1 = await pub("/public/ocds/releases?limit=2")
    expect(page1.status).toBe(200)
    expect(errorsOf(releasePackageValid, page1.body)).toEqual([])
    expect(page1.body.releases).toHaveLength(2)
    expect(page1.body.count).toBe(total)
    expect(page1.body.links.next).toContain("offset=2")
    const page2 = await pub("/public/ocds/releases?limit=2&offset=2")
    expect(page2.body.releases[0].id).not.toBe(page1.body.releases[0].id)

    // date window: tomorrow onwards holds nothing; since yesterday holds everything
    const day = (d: number) => new Date(Date.now() + d * 86400000).toISOString().slice(0, 10)
    expect((await pub(`/public/ocds/releases?since=${day(1)}`)).body.releases).toEqual([])
    expect((await pub(`/public/ocds/releases?since=${day(-1)}&until=${day(1)}&limit=500`)).body.releases).toHaveLength(total)

    const bulk = await pub("/public/ocds/bulk")
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => cb(null, Buffer.concat(chunks)))
      })
    expect(bulk.status).toBe(200)
    expect(bulk.headers["content-type"]).toBe("application/gzip")
    const lines = gunzipSync(bulk.body as Buffer)
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(total)
    expect(lines.filter((r) => r.ocid === ocid).length).toBeGreaterThanOrEqual(2)

    const missing = await pub(`/public/ocds/releases/${PREFIX}-NO-EXISTE`)
    expect([missing.status, missing.body.code]).toEqual([404, "OCID_NO_EXISTE"])
    expect((await pub(`/public/ocds/records/${PREFIX}-NO-EXISTE`)).status).toBe(404)
    const bad = await pub("/public/ocds/releases?since=ayer")
    expect([bad.status, bad.body.code]).toEqual([400, "DATOS_INVALIDOS"])
  })
})
