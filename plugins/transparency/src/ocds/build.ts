import type { CompetitionSource, FrameworkSource, OrgInfo, SpecificContractSource } from "./types"

/** An OCDS release as JSON (validated against the official schema before it is stored). */
export type Release = Record<string, unknown> & { ocid: string; id: string; date: string; tag: string[] }

/** The body of a release before its id, date and tags are set. */
export type ReleaseBody = Record<string, unknown> & { ocid: string }

export const UNSPSC_SCHEME = "UNSPSC"
export const RFC_SCHEME = "MX-RFC"
export const CURRENCY = "MXN"
/** Banxico's electronic payment receipt (CEP) lookup: the source of every SPEI transaction. */
export const BANXICO_CEP = "https://www.banxico.org.mx/cep/"

/** ocid = publisher prefix + the process's public number (framework, competition or contract number). */
export function ocidOf(prefix: string, number: string): string {
  return `${prefix}-${number}`
}

/**
 * Money crosses into OCDS here only: the schema's `amount` is a JSON number.
 * Our decimal strings have two decimals, which a double represents to the
 * centavo when printed back (amounts below 2^53 centavos).
 */
export function value(amount: string | null | undefined): { amount: number; currency: string } | undefined {
  if (amount === null || amount === undefined || amount === "") {
    return undefined
  }
  return { amount: Number(amount), currency: CURRENCY }
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : undefined)

/** A 13-character RFC belongs to a natural person (persona física): withheld (rule R2). */
export function isPersonRfc(rfc: string): boolean {
  return rfc.trim().length === 13
}

const SCALE: Record<string, string> = { micro: "micro", pequena: "sme", mediana: "sme", grande: "large" }

/** An organization as an OCDS party (rules R2, R3: RFC of natural persons withheld; no contact data). */
export function partyOf(org: OrgInfo, roles: string[]): Record<string, unknown> {
  const identifier: Record<string, unknown> = { scheme: RFC_SCHEME, legalName: org.legal_name }
  if (!isPersonRfc(org.rfc)) {
    identifier.id = org.rfc
  }
  const party: Record<string, unknown> = { id: org.id, name: org.legal_name, identifier, roles: [...new Set(roles)].sort() }
  const address: Record<string, string> = { countryName: "México" }
  if (org.codigo_postal) {
    address.postalCode = org.codigo_postal
  }
  if (org.state_code) {
    address.region = org.state_code
  }
  party.address = address
  if (org.sme_size && SCALE[org.sme_size]) {
    party.details = { scale: SCALE[org.sme_size] }
  }
  return party
}

const ref = (org: OrgInfo) => ({ id: org.id, name: org.legal_name })

/** Parties merged by id, roles united (one organization, many roles). */
function parties(list: [OrgInfo, string[]][]): Record<string, unknown>[] {
  const byId = new Map<string, [OrgInfo, Set<string>]>()
  for (const [org, roles] of list) {
    const cur = byId.get(org.id) ?? [org, new Set<string>()]
    roles.forEach((r) => cur[1].add(r))
    byId.set(org.id, cur)
  }
  return [...byId.values()].map(([org, roles]) => partyOf(org, [...roles]))
}

function classification(unspsc: string) {
  return { scheme: UNSPSC_SCHEME, id: unspsc }
}

function contractItems(c: SpecificContractSource) {
  return c.lines.map((l) => ({
    id: String(l.line),
    description: l.description,
    classification: classification(l.unspsc_code),
    additionalClassifications: [{ scheme: "MX-COG", id: l.cog_partida, description: "Partida del Clasificador por Objeto del Gasto" }],
    quantity: l.quantity,
    unit: { scheme: "UNCEFACT", id: l.sat_clave_unidad, name: l.unit_name, value: value(l.unit_price) },
  }))
}

/** planning.budget with the Budget Breakdown extension: clave presupuestaria, partida, fiscal year. */
function planningOf(c: SpecificContractSource) {
  return {
    budget: {
      id: c.budget.clave,
      description: `Clave presupuestaria ${c.budget.clave}, partida ${c.budget.partida}, ejercicio ${c.budget.fiscal_year}`,
      amount: value(c.total),
      budgetBreakdown: [
        {
          id: c.budget.clave,
          description: `Partida ${c.budget.partida}`,
          amount: value(c.total),
          classifications: { clave_presupuestaria: c.budget.clave, partida: c.budget.partida, ejercicio: c.budget.fiscal_year },
        },
      ],
    },
  }
}

const CONTRACT_STATUS: Record<string, string> = {
  draft: "pending",
  pending_signatures: "pending",
  partially_signed: "pending",
  in_force: "active",
  cancelled: "cancelled",
}

/** The contract in force: the original, or its latest amendment in force (value, items). */
function current(c: SpecificContractSource): SpecificContractSource {
  const inForce = c.amendments
    .filter((a) => a.status === "in_force")
    .sort((a, b) => (a.amendment?.sequence ?? 0) - (b.amendment?.sequence ?? 0))
  return inForce.length ? inForce[inForce.length - 1] : c
}

/** A specific contract as an OCDS contract: amendments, and SPEI payments as transactions (rule R4: no accounts). */
export function contractOf(c: SpecificContractSource, awardID: string): Record<string, unknown> {
  const now = current(c)
  const contract: Record<string, unknown> = {
    id: c.number,
    awardID,
    title: `Contrato específico ${c.number}`,
    status: CONTRACT_STATUS[c.status] ?? "pending",
    value: value(now.total),
    items: contractItems(now),
    dateSigned: iso(c.in_force_at),
  }
  if (c.in_force_at) {
    contract.period = { startDate: iso(c.in_force_at) }
  }
  const amendments = c.amendments
    .filter((a) => a.status === "in_force")
    .map((a) => ({
      id: a.number,
      date: iso(a.in_force_at),
      rationale: a.amendment?.reason ? "Convenio modificatorio" : undefined,
      description: `Convenio modificatorio ${a.amendment?.sequence ?? ""}: variación acumulada ${a.amendment?.change_percent ?? "0"} % del monto original`,
    }))
  if (amendments.length) {
    contract.amendments = amendments
  }
  const transactions = c.payments
    .filter((p) => p.status === "paid" && p.clave_rastreo)
    .map((p) => ({
      id: p.clave_rastreo as string,
      // where anyone can check a SPEI payment by its clave de rastreo (Banxico's CEP)
      source: BANXICO_CEP,
      date: iso(p.paid_at),
      value: value(p.net_amount),
      payer: ref(c.agency),
      payee: ref(c.supplier),
    }))
  if (transactions.length) {
    contract.implementation = { transactions }
  }
  return contract
}

function frameworkLink(prefix: string, fw: { number: string; title: string }) {
  return { id: "framework", relationship: ["framework"], title: fw.title, scheme: "ocid", identifier: ocidOf(prefix, fw.number) }
}

/** A direct call-off (specific contract without competition): its own process, linked to the framework's. */
export function callOffRelease(prefix: string, c: SpecificContractSource, framework: { number: string; title: string }): ReleaseBody {
  const ocid = ocidOf(prefix, c.number)
  const awardID = `${c.number}-adjudicacion`
  const items = contractItems(c)
  return {
    ocid,
    initiationType: "tender",
    language: "es",
    parties: parties([
      [c.agency, ["buyer", "procuringEntity", "payer"]],
      [c.supplier, ["supplier", "payee"]],
    ]),
    buyer: ref(c.agency),
    planning: planningOf(c),
    tender: {
      id: c.number,
      title: `Contratación derivada del contrato marco ${framework.number}`,
      status: c.status === "cancelled" ? "cancelled" : "complete",
      procuringEntity: ref(c.agency),
      items,
      value: value(c.total),
      procurementMethod: "direct",
      procurementMethodDetails: "Adjudicación directa al amparo de contrato marco (sin segunda etapa)",
      mainProcurementCategory: "goods",
      competitive: false,
    },
    awards: [
      {
        id: awardID,
        status: c.status === "cancelled" ? "cancelled" : "active",
        date: iso(c.issued_at),
        value: value(c.total),
        suppliers: [ref(c.supplier)],
        items,
      },
    ],
    contracts: [contractOf(c, awardID)],
    relatedProcesses: [frameworkLink(prefix, framework)],
  }
}

const FRAMEWORK_TENDER_STATUS: Record<string, string> = { published: "active", suspended: "active", expired: "complete" }

/** The framework agreement (first stage): techniques extension, each supplier admission an award. */
export function frameworkRelease(prefix: string, f: FrameworkSource): ReleaseBody {
  const period = { startDate: iso(f.valid_from), endDate: iso(f.valid_until) }
  return {
    ocid: ocidOf(prefix, f.number),
    initiationType: "tender",
    language: "es",
    parties: parties([
      ...(f.buyer ? ([[f.buyer, ["buyer", "procuringEntity"]]] as [OrgInfo, string[]][]) : []),
      ...f.suppliers.map((s) => [s.supplier, ["supplier", "tenderer"]] as [OrgInfo, string[]]),
    ]),
    ...(f.buyer ? { buyer: ref(f.buyer) } : {}),
    tender: {
      id: f.number,
      title: f.title,
      description: f.description ?? undefined,
      status: FRAMEWORK_TENDER_STATUS[f.status] ?? "planned",
      procurementMethod: "selective",
      procurementMethodDetails: f.legal_basis,
      mainProcurementCategory: "goods",
      minValue: value(f.min_amount),
      value: value(f.max_amount),
      contractPeriod: period,
      ...(f.buyer ? { procuringEntity: ref(f.buyer) } : {}),
      numberOfTenderers: f.suppliers.length,
      techniques: {
        hasFrameworkAgreement: true,
        frameworkAgreement: {
          method: "withAndWithoutReopeningCompetition",
          buyerCategories: "Dependencias y entidades de la Administración Pública Federal adheridas al contrato marco",
          period,
          value: value(f.max_amount),
        },
      },
    },
    awards: f.suppliers.map((s) => ({
      id: s.enrolment_id,
      title: `Adhesión de ${s.supplier.legal_name}`,
      status: s.status === "active" ? "active" : "cancelled",
      date: iso(s.valid_from),
      suppliers: [ref(s.supplier)],
    })),
  }
}

const COMPETITION_TENDER_STATUS: Record<string, string> = {
  bidding: "active",
  opened: "active",
  offered: "active",
  awarded: "complete",
  deserted: "unsuccessful",
}

/** A second-stage competition: its own process, linked to the framework's; bids only after the opening. */
export function competitionRelease(prefix: string, m: CompetitionSource): ReleaseBody {
  const opened = !!m.opened_at
  const items = m.lines.map((l) => ({
    id: l.id,
    description: l.item_name,
    classification: classification(l.unspsc_code),
    quantity: l.quantity,
    unit: { value: value(l.ceiling_price) },
  }))
  const awardID = `${m.number}-adjudicacion`
  const awards = m.award
    ? [
        {
          id: awardID,
          status: m.award.accepted_at ? "active" : "pending",
          date: iso(m.award.accepted_at ?? m.award.offered_at),
          value: value(m.award.subtotal),
          suppliers: [ref(m.award.supplier)],
          items: m.award.lines.map((l, i) => ({
            id: String(i + 1),
            description: l.item_name,
            classification: classification(l.unspsc_code),
            quantity: l.quantity,
            unit: { value: value(l.unit_price) },
          })),
        },
      ]
    : []
  const bids = opened ? m.bids : []
  const tender: Record<string, unknown> = {
    id: m.number,
    title: m.lot_title,
    status: COMPETITION_TENDER_STATUS[m.status] ?? "planned",
    procuringEntity: ref(m.agency),
    items,
    procurementMethod: "selective",
    procurementMethodDetails: `Segunda etapa (competencia entre proveedores del contrato marco ${m.framework.number})`,
    mainProcurementCategory: "goods",
    awardCriteria: "priceOnly",
    submissionMethod: ["electronicSubmission"],
    competitive: true,
    tenderPeriod: { startDate: iso(m.published_at), endDate: iso(m.bid_deadline) },
  }
  if (opened) {
    tender.numberOfTenderers = bids.length
    tender.tenderers = bids.map((b) => ref(b.supplier))
    tender.awardPeriod = { startDate: iso(m.opened_at), ...(m.awarded_at ? { endDate: iso(m.awarded_at) } : {}) }
  }
  const release: ReleaseBody = {
    ocid: ocidOf(prefix, m.number),
    initiationType: "tender",
    language: "es",
    parties: parties([
      [m.agency, ["buyer", "procuringEntity", "payer"]],
      ...bids.map((b) => [b.supplier, ["tenderer"]] as [OrgInfo, string[]]),
      ...(m.award ? ([[m.award.supplier, ["supplier"]]] as [OrgInfo, string[]][]) : []),
      ...m.contracts.map((c) => [c.supplier, ["supplier", "payee"]] as [OrgInfo, string[]]),
    ]),
    buyer: ref(m.agency),
    tender,
    relatedProcesses: [frameworkLink(prefix, m.framework)],
  }
  if (m.contracts[0]) {
    release.planning = planningOf(m.contracts[0])
  }
  if (opened) {
    // Bid statistics and details (bids extension): valid and invalid bids, each with its total
    release.bids = {
      statistics: [
        { id: "bids", measure: bids.length, relatedLot: undefined },
        { id: "validBids", measure: bids.filter((b) => b.valid).length },
      ].map(({ id, measure }) => ({ id, measure })),
      details: bids.map((b) => ({
        id: b.id,
        date: iso(b.submitted_at),
        status: b.valid ? "valid" : "disqualified",
        tenderers: [ref(b.supplier)],
        value: value(b.total),
      })),
    }
  }
  if (awards.length) {
    release.awards = awards
  }
  if (m.contracts.length) {
    release.contracts = m.contracts.map((c) => contractOf(c, awardID))
  }
  return release
}
