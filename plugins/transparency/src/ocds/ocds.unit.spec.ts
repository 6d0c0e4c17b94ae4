import { callOffRelease, competitionRelease, frameworkRelease, ocidOf, type Release, type ReleaseBody } from "./build"
import { compileReleases } from "./merge"
import { recordPackage, releasePackage } from "./package"
import { redact, REDACTED } from "./redact"
import { validateRecordPackage, validateReleasePackage } from "./schema"
import type { CompetitionSource, FrameworkSource, OrgInfo, SpecificContractSource } from "./types"
import { releaseTags, SOURCE_EVENTS } from "../publish/tags"

const P = "ocds-tdgfmx"
const agency: OrgInfo = {
  id: "org_ssa",
  kind: "agency",
  rfc: "SSA630502CU1",
  legal_name: "Secretaría de Salud",
  sme_size: null,
  codigo_postal: "06600",
  state_code: "CMX",
}
const company: OrgInfo = {
  id: "org_pib",
  kind: "supplier",
  rfc: "PIB040312A12",
  legal_name: "Papelería Industrial del Bajío, S.A. de C.V.",
  sme_size: "pequena",
  codigo_postal: "37000",
  state_code: "GUA",
}
// a natural person (persona física) supplier: 13-character RFC
const person: OrgInfo = {
  id: "org_pf",
  kind: "supplier",
  rfc: "RASJ750505CD2",
  legal_name: "Jorge Ramírez Soto",
  sme_size: "micro",
  codigo_postal: "37000",
  state_code: "GUA",
}
const shcp: OrgInfo = {
  id: "org_shcp",
  kind: "shcp",
  rfc: "SHC820101AB1",
  legal_name: "Secretaría de Hacienda y Crédito Público",
  sme_size: null,
  codigo_postal: "06000",
  state_code: "CMX",
}
const framework = { number: "CM-SHCP-2026-0001", title: "Contrato marco de materiales y útiles de oficina" }

const line = {
  line: 1,
  item_id: "fwitem_1",
  item_code: "0001-010101",
  description: "Bolígrafo tinta azul, caja con 12",
  unspsc_code: "44121704",
  cog_partida: "21101",
  sat_clave_unidad: "XBX",
  unit_name: "Caja",
  quantity: 40,
  unit_price: "45.37",
  subtotal: "1814.80",
  total: "2105.17",
}

function contract(over: Partial<SpecificContractSource> = {}): SpecificContractSource {
  return {
    id: "spc_1",
    number: "CE-SSA-2026-00001",
    kind: "contract",
    status: "in_force",
    issued_at: "2026-03-02T16:00:00.000Z",
    in_force_at: "2026-03-03T16:00:00.000Z",
    cancelled_at: null,
    subtotal: "1814.80",
    total: "2105.17",
    lines: [line],
    budget: { clave: "2026-12-510-E023-21101-1-09", partida: "21101", fiscal_year: 2026 },
    delivery_days: 3,
    payment_days: 20,
    amendment: null,
    agency,
    supplier: company,
    amendments: [],
    payments: [],
    ...over,
  }
}

const at = (body: ReleaseBody, date: string, tag: string[]): Release => ({ ...body, id: `${body.ocid}-${date}`, date, tag })
const meta = { publisherName: "Tienda Digital", publicBaseUrl: "https://tienda.example.gob.mx", publishedDate: "2026-03-10T00:00:00.000Z" }

describe("OCDS releases of the store's contracting processes", () => {
  it("a direct call-off: its own ocid linked to the framework's, UNSPSC items, budget breakdown, RFCs, SPEI payments as transactions", () => {
    const body = callOffRelease(
      P,
      contract({
        payments: [
          {
            id: "pyr_1",
            status: "paid",
            amount: "2105.17",
            net_amount: "2105.17",
            clave_rastreo: "BNM2026120700001",
            paid_at: "2026-04-01T18:00:00.000Z",
          },
          { id: "pyr_2", status: "paid", amount: "10.00", net_amount: "10.00", clave_rastreo: null, paid_at: null },
        ],
      }),
      framework,
    )
    const release = at(body, "2026-04-01T18:00:00.000Z", ["planning", "tender", "award", "contract", "implementation"])
    expect(validateReleasePackage(releasePackage([release], meta, "/x"))).toEqual({ valid: true, errors: [] })
    expect(release.ocid).toBe("ocds-tdgfmx-CE-SSA-2026-00001")
    expect(release.relatedProcesses).toEqual([
      { id: "framework", relationship: ["framework"], title: framework.title, scheme: "ocid", identifier: ocidOf(P, framework.number) },
    ])
    const tender = release.tender as { items: { classification: unknown }[]; procurementMethod: string }
    expect(tender.procurementMethod).toBe("direct")
    expect(tender.items[0].classification).toEqual({ scheme: "UNSPSC", id: "44121704" })
    expect((release.planning as { budget: { budgetBreakdown: unknown[] } }).budget.budgetBreakdown).toEqual([
      expect.objectContaining({
        id: "2026-12-510-E023-21101-1-09",
        amount: { amount: 2105.17, currency: "MXN" },
        classifications: { clave_presupuestaria: "2026-12-510-E023-21101-1-09", partida: "21101", ejercicio: 2026 },
      }),
    ])
    const parties = release.parties as { id: string; roles: string[]; identifier: { id?: string }; details?: unknown }[]
    expect(parties.find((p) => p.id === "org_ssa")).toEqual(
      expect.objectContaining({
        roles: ["buyer", "payer", "procuringEntity"],
        identifier: expect.objectContaining({ scheme: "MX-RFC", id: "SSA630502CU1" }),
      }),
    )
    expect(parties.find((p) => p.id === "org_pib")).toEqual(
      expect.objectContaining({ roles: ["payee", "supplier"], details: { scale: "sme" } }),
    )
    // only the paid payment with a clave de rastreo is a transaction
    const [c] = release.contracts as { implementation: { transactions: unknown[] }; status: string }[]
    expect(c.status).toBe("active")
    expect(c.implementation.transactions).toEqual([
      {
        id: "BNM2026120700001",
        source: "https://www.banxico.org.mx/cep/",
        date: "2026-04-01T18:00:00.000Z",
        value: { amount: 2105.17, currency: "MXN" },
        payer: { id: "org_ssa", name: "Secretaría de Salud" },
        payee: { id: "org_pib", name: "Papelería Industrial del Bajío, S.A. de C.V." },
      },
    ])
  })

  it("an amendment in force changes the contract's value and is listed; the record compiles the releases by id", () => {
    const original = callOffRelease(P, contract(), framework)
    const amendment = contract({
      id: "spc_2",
      number: "CE-SSA-2026-00001-CM01",
      kind: "amendment",
      total: "2631.46",
      lines: [{ ...line, quantity: 50, total: "2631.46" }],
      amendment: { sequence: 1, reason: "Ampliación", change_percent: "25.00" },
      in_force_at: "2026-03-20T16:00:00.000Z",
    })
    const amended = callOffRelease(P, contract({ amendments: [amendment] }), framework)
    const r1 = at(original, "2026-03-03T16:00:00.000Z", ["planning", "tender", "award", "contract"])
    const r2 = at(amended, "2026-03-20T16:00:00.000Z", ["contractAmendment"])
    const [c] = r2.contracts as { value: unknown; amendments: { id: string }[] }[]
    expect(c.value).toEqual({ amount: 2631.46, currency: "MXN" })
    expect(c.amendments.map((a) => a.id)).toEqual(["CE-SSA-2026-00001-CM01"])
    const pkg = recordPackage(r1.ocid, [r2, r1], meta, "/r")
    expect(validateRecordPackage(pkg)).toEqual({ valid: true, errors: [] })
    const compiled = pkg.records[0].compiledRelease
    expect(compiled.tag).toEqual(["compiled"])
    expect((compiled.contracts as { value: unknown }[])[0].value).toEqual({ amount: 2631.46, currency: "MXN" })
    expect((compiled.parties as unknown[]).length).toBe(2)
  })

  it("the framework agreement: techniques extension (hasFrameworkAgreement), each supplier admission an award", () => {
    const f: FrameworkSource = {
      id: "fwc_1",
      number: framework.number,
      title: framework.title,
      description: null,
      legal_basis: "Artículo 17 LAASSP",
      status: "published",
      valid_from: "2026-01-01T06:00:00.000Z",
      valid_until: "2026-12-31T06:00:00.000Z",
      min_amount: "1000000.00",
      max_amount: "5000000.00",
      created_at: "2025-12-01T06:00:00.000Z",
      buyer: shcp,
      suppliers: [
        { enrolment_id: "fcsup_1", status: "active", valid_from: "2026-01-01T06:00:00.000Z", supplier: company },
        { enrolment_id: "fcsup_2", status: "suspended", valid_from: "2026-01-01T06:00:00.000Z", supplier: person },
      ],
    }
    const release = at(frameworkRelease(P, f), "2026-01-01T06:00:00.000Z", ["tender", "award"])
    expect(validateReleasePackage(releasePackage([release], meta, "/x")).errors).toEqual([])
    const tender = release.tender as {
      techniques: { hasFrameworkAgreement: boolean; frameworkAgreement: { method: string } }
      procurementMethod: string
    }
    expect(tender.techniques.hasFrameworkAgreement).toBe(true)
    expect(tender.techniques.frameworkAgreement.method).toBe("withAndWithoutReopeningCompetition")
    expect(tender.procurementMethod).toBe("selective")
    expect((release.awards as { id: string; status: string }[]).map((a) => [a.id, a.status])).toEqual([
      ["fcsup_1", "active"],
      ["fcsup_2", "cancelled"],
    ])
    // R2: a natural person's RFC is withheld; the name of whom public money is paid to is not
    const pf = (release.parties as { id: string; name: string; identifier: Record<string, unknown> }[]).find((p) => p.id === "org_pf")!
    expect(pf.name).toBe("Jorge Ramírez Soto")
    expect(pf.identifier).toEqual({ scheme: "MX-RFC", legalName: "Jorge Ramírez Soto" })
    expect(JSON.stringify(release)).not.toContain("RASJ750505CD2")
  })

  it("a competition: bids only after the opening, the award, and the winner's contract in the same process", () => {
    const base: CompetitionSource = {
      id: "mcomp_1",
      number: "SE-SSA-2026-0001",
      status: "bidding",
      lot_title: "Lote 1 Papelería",
      published_at: "2026-05-01T15:00:00.000Z",
      bid_deadline: "2026-05-08T15:00:00.000Z",
      opened_at: null,
      awarded_at: null,
      round: 1,
      agency,
      framework: { id: "fwc_1", ...framework },
      lines: [
        { id: "mcln_1", item_id: "fwitem_1", item_name: "Bolígrafo", unspsc_code: "44121704", quantity: 100, ceiling_price: "45.37" },
      ],
      bids: [
        { id: "mcbid_1", supplier: company, valid: true, total: "4200.00", rank: 1, submitted_at: "2026-05-02T15:00:00.000Z" },
        { id: "mcbid_2", supplier: person, valid: false, total: "4100.00", rank: null, submitted_at: "2026-05-03T15:00:00.000Z" },
      ],
      award: null,
      contracts: [],
    }
    const bidding = competitionRelease(P, base)
    expect(bidding.bids).toBeUndefined()
    expect((bidding.tender as { tenderers?: unknown }).tenderers).toBeUndefined()
    const awarded = competitionRelease(P, {
      ...base,
      status: "awarded",
      opened_at: "2026-05-08T15:00:00.000Z",
      awarded_at: "2026-05-09T15:00:00.000Z",
      award: {
        supplier: company,
        bid_id: "mcbid_1",
        subtotal: "4200.00",
        offered_at: "2026-05-08T16:00:00.000Z",
        accepted_at: "2026-05-09T15:00:00.000Z",
        lines: [
          { item_id: "fwitem_1", item_name: "Bolígrafo", unspsc_code: "44121704", quantity: 100, unit_price: "42.00", subtotal: "4200.00" },
        ],
      },
      contracts: [contract({ id: "spc_9", number: "CE-SSA-2026-00009" })],
    })
    const release = at(awarded, "2026-05-09T15:00:00.000Z", ["award", "contract"])
    expect(validateReleasePackage(releasePackage([release], meta, "/x")).errors).toEqual([])
    expect(release.ocid).toBe("ocds-tdgfmx-SE-SSA-2026-0001")
    expect((release.relatedProcesses as { identifier: string }[])[0].identifier).toBe("ocds-tdgfmx-CM-SHCP-2026-0001")
    expect((release.tender as { numberOfTenderers: number; status: string }).numberOfTenderers).toBe(2)
    expect((release.bids as { statistics: unknown }).statistics).toEqual([
      { id: "bids", measure: 2 },
      { id: "validBids", measure: 1 },
    ])
    expect((release.contracts as { awardID: string }[])[0].awardID).toBe((release.awards as { id: string }[])[0].id)
  })

  it("an invalid release is caught by the schema (a wrong tag type)", () => {
    const bad = { ...at(callOffRelease(P, contract(), framework), "2026-03-03T16:00:00.000Z", ["contract"]), tag: "contract" }
    const check = validateReleasePackage(releasePackage([bad as unknown as Release], meta, "/x"))
    expect(check.valid).toBe(false)
    expect(check.errors.join(" ")).toMatch(/tag/)
  })
})

describe("redaction (R6, the safety net)", () => {
  it("replaces natural-person RFCs, CURPs, e-mails and CLABEs in free text; leaves ids, codes and legal-person RFCs", () => {
    const { value, hits } = redact({
      id: "RASJ750505CD2",
      description: "Entrega a Jorge (RASJ750505CD2, jorge@example.com), CLABE 012180001234567891, CURP RASJ750505HGTMTR09",
      identifier: { id: "PIB040312A12" },
      title: "Proveedor PIB040312A12",
      clave: "2026-12-510-E023-21101-1-09",
    })
    expect(value.description).toBe(`Entrega a Jorge (${REDACTED}, ${REDACTED}), CLABE ${REDACTED}, CURP ${REDACTED}`)
    expect(value.id).toBe("RASJ750505CD2")
    expect(value.title).toBe("Proveedor PIB040312A12")
    expect(value.clave).toBe("2026-12-510-E023-21101-1-09")
    expect(hits).toEqual([expect.stringContaining("$.description")])
  })
})

describe("compileReleases — OCDS merge", () => {
  it("later values win, arrays of identified objects merge by id, null removes", () => {
    const r1 = {
      ocid: "o",
      id: "1",
      date: "2026-01-01T00:00:00Z",
      tag: ["tender"],
      tender: { id: "t", title: "A", status: "active" },
      awards: [{ id: "a1", status: "pending" }],
    }
    const r2 = {
      ocid: "o",
      id: "2",
      date: "2026-01-02T00:00:00Z",
      tag: ["award"],
      tender: { status: "complete", title: null },
      awards: [
        { id: "a1", status: "active" },
        { id: "a2", status: "active" },
      ],
    }
    const compiled = compileReleases([r2, r1] as Release[])
    expect(compiled).toEqual({
      ocid: "o",
      id: "o-compiled",
      date: "2026-01-02T00:00:00Z",
      tag: ["compiled"],
      tender: { id: "t", status: "complete" },
      awards: [
        { id: "a1", status: "active" },
        { id: "a2", status: "active" },
      ],
    })
  })
})

describe("releaseTags", () => {
  const body = { ocid: "o", planning: { budget: {} }, awards: [{ id: "a" }], contracts: [{ id: "c" }] }
  it("the first release names every stage it holds", () => {
    expect(
      releaseTags({ kind: "call_off", event: SOURCE_EVENTS.CONTRACT_CREATED, first: true, body, amendment: false, contractKnown: false }),
    ).toEqual(["planning", "tender", "award", "contract"])
    expect(
      releaseTags({
        kind: "framework",
        event: SOURCE_EVENTS.FRAMEWORK_STATUS_CHANGED,
        first: true,
        body: { ocid: "o" },
        amendment: false,
        contractKnown: false,
      }),
    ).toEqual(["tender"])
    // a competition's first release (published, nothing planned nor awarded yet)
    expect(
      releaseTags({
        kind: "competition",
        event: SOURCE_EVENTS.COMPETITION_PUBLISHED,
        first: true,
        body: { ocid: "o" },
        amendment: false,
        contractKnown: false,
      }),
    ).toEqual(["tender"])
  })
  it("later releases name the stage the event changed", () => {
    const later = (event: string, amendment = false, contractKnown = true) =>
      releaseTags({ kind: "call_off", event, first: false, body, amendment, contractKnown })
    expect(later(SOURCE_EVENTS.CONTRACT_IN_FORCE)).toEqual(["contractUpdate"])
    expect(later(SOURCE_EVENTS.CONTRACT_CREATED, true)).toEqual(["contractAmendment"])
    expect(later(SOURCE_EVENTS.CONTRACT_CREATED, false, false)).toEqual(["contract"])
    expect(later(SOURCE_EVENTS.CONTRACT_CANCELLED)).toEqual(["contractTermination"])
    expect(later(SOURCE_EVENTS.PAYMENT_PAID)).toEqual(["implementation"])
    expect(later(SOURCE_EVENTS.COMPETITION_AWARD_OFFERED)).toEqual(["award"])
  })
})
