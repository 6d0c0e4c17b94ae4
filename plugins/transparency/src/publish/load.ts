import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { ContractData } from "@tienda/contracts/specific-contract/index"
import competitionContractLink from "@tienda/mini-competition/links/competition-specific-contract"
import type { CompetitionSource, FrameworkSource, OrgInfo, PaymentSource, ProcessRef, SpecificContractSource } from "../ocds/types"

/**
 * Reads, from the lower plugins' modules, what one contracting process's
 * release needs — and only what may be published (docs/transparency.md):
 * organizations (no people, no contact data), contract snapshots, paid
 * payments (no accounts), opened bids (never sealed ones).
 */
type Row = Record<string, unknown>
type Lister = (filters: object, config?: object) => Promise<Row[]>

const svc = (c: MedusaContainer, key: string) => c.resolve(key) as Record<string, Lister>
const str = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v))
/** Exact decimal of a bigNumber field: its raw value when present. */
const dec = (row: Row, field: string) => {
  const raw = row[`raw_${field}`] as { value?: unknown } | undefined
  return raw?.value !== undefined ? String(raw.value) : String(row[field] ?? "0")
}

async function orgs(c: MedusaContainer, ids: string[]): Promise<Map<string, OrgInfo>> {
  const unique = [...new Set(ids.filter(Boolean))]
  if (!unique.length) {
    return new Map()
  }
  const rows = await svc(c, "organization").listOrganizations(
    { id: unique },
    { select: ["id", "kind", "rfc", "legal_name", "sme_size", "codigo_postal", "state_code"], take: null },
  )
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id as string,
        kind: r.kind as string,
        rfc: r.rfc as string,
        legal_name: r.legal_name as string,
        sme_size: (r.sme_size as string | null) ?? null,
        codigo_postal: (r.codigo_postal as string | null) ?? null,
        state_code: (r.state_code as string | null) ?? null,
      },
    ]),
  )
}

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Publicación OCDS: no se encuentra ${what}.`, "OCDS_FUENTE_NO_ENCONTRADA")
  }
  return v
}

async function payments(c: MedusaContainer, contractIds: string[]): Promise<Map<string, PaymentSource[]>> {
  const out = new Map<string, PaymentSource[]>()
  if (!contractIds.length) {
    return out
  }
  const rows = await svc(c, "e_invoice").listPaymentRequests(
    { specific_contract_id: contractIds, status: "paid" },
    {
      select: ["id", "specific_contract_id", "status", "amount", "net_amount", "clave_rastreo", "paid_at"],
      take: null,
      order: { paid_at: "ASC" },
    },
  )
  for (const r of rows) {
    const list = out.get(r.specific_contract_id as string) ?? []
    list.push({
      id: r.id as string,
      status: r.status as string,
      amount: String(r.amount),
      net_amount: String(r.net_amount),
      clave_rastreo: (r.clave_rastreo as string | null) ?? null,
      paid_at: str(r.paid_at),
    })
    out.set(r.specific_contract_id as string, list)
  }
  return out
}

const CONTRACT_FIELDS = [
  "id",
  "number",
  "kind",
  "parent_id",
  "status",
  "agency_id",
  "supplier_id",
  "framework_contract_id",
  "data",
  "issued_at",
  "in_force_at",
  "cancelled_at",
  "subtotal",
  "total",
]

function contractSource(
  r: Row,
  o: Map<string, OrgInfo>,
  amendments: SpecificContractSource[],
  paid: PaymentSource[],
): SpecificContractSource {
  const data = r.data as ContractData
  return {
    id: r.id as string,
    number: r.number as string,
    kind: r.kind as "contract" | "amendment",
    status: r.status as string,
    issued_at: must(str(r.issued_at), "issued_at") as string,
    in_force_at: str(r.in_force_at),
    cancelled_at: str(r.cancelled_at),
    subtotal: data.totals.subtotal,
    total: data.totals.total,
    lines: data.lines.map((l) => ({
      line: l.line,
      item_id: l.item_id,
      item_code: l.item_code,
      description: l.description,
      unspsc_code: l.unspsc_code,
      cog_partida: l.cog_partida,
      sat_clave_unidad: l.sat_clave_unidad,
      unit_name: l.unit_name,
      quantity: l.quantity,
      unit_price: l.unit_price,
      subtotal: l.subtotal,
      total: l.total,
    })),
    budget: { clave: data.budget.clave, partida: data.budget.partida, fiscal_year: data.budget.fiscal_year },
    delivery_days: data.delivery.days,
    payment_days: data.payment_days,
    amendment: data.amendment
      ? { sequence: data.amendment.sequence, reason: data.amendment.reason, change_percent: data.amendment.change_percent }
      : null,
    agency: must(o.get(r.agency_id as string), `agency ${String(r.agency_id)}`),
    supplier: must(o.get(r.supplier_id as string), `supplier ${String(r.supplier_id)}`),
    amendments,
    payments: paid,
  }
}

/** Specific contracts (kind contract) with their amendments and paid payments. */
export async function loadContracts(c: MedusaContainer, ids: string[]): Promise<SpecificContractSource[]> {
  if (!ids.length) {
    return []
  }
  const sc = svc(c, "specific_contract")
  const rows = await sc.listSpecificContracts({ id: ids }, { select: CONTRACT_FIELDS, take: null, order: { issued_at: "ASC" } })
  const amendments = await sc.listSpecificContracts({ parent_id: ids, kind: "amendment" }, { select: CONTRACT_FIELDS, take: null })
  const o = await orgs(
    c,
    [...rows, ...amendments].flatMap((r) => [r.agency_id as string, r.supplier_id as string]),
  )
  const paid = await payments(c, ids)
  return rows.map((r) =>
    contractSource(
      r,
      o,
      amendments.filter((a) => a.parent_id === r.id).map((a) => contractSource(a, o, [], [])),
      paid.get(r.id as string) ?? [],
    ),
  )
}

export async function loadFramework(c: MedusaContainer, id: string): Promise<FrameworkSource | null> {
  const [f] = await svc(c, "framework_contract").listFrameworkContracts({ id }, { relations: ["supplier_enrolments"], take: 1 })
  if (!f) {
    return null
  }
  const enrolments = (f.supplier_enrolments as Row[] | undefined) ?? []
  const [shcp] = await svc(c, "organization").listOrganizations({ kind: "shcp" }, { select: ["id"], take: 1 })
  const o = await orgs(c, [...enrolments.map((e) => e.supplier_id as string), ...(shcp ? [shcp.id as string] : [])])
  return {
    id: f.id as string,
    number: f.number as string,
    title: f.title as string,
    description: (f.description as string | null) ?? null,
    legal_basis: f.legal_basis as string,
    status: f.status as string,
    valid_from: str(f.valid_from) as string,
    valid_until: str(f.valid_until) as string,
    min_amount: dec(f, "min_amount"),
    max_amount: dec(f, "max_amount"),
    created_at: str(f.created_at) as string,
    buyer: shcp ? (o.get(shcp.id as string) ?? null) : null,
    suppliers: enrolments
      .filter((e) => o.has(e.supplier_id as string))
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
      .map((e) => ({
        enrolment_id: e.id as string,
        status: e.status as string,
        valid_from: str(e.valid_from) as string,
        supplier: o.get(e.supplier_id as string) as OrgInfo,
      })),
  }
}

/** The competition a specific contract was drawn from (its link), or null for a direct call-off. */
export async function competitionOfContract(c: MedusaContainer, contractId: string): Promise<string | null> {
  const query = c.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: competitionContractLink.entryPoint,
    fields: ["competition_id", "specific_contract_id"],
    filters: { specific_contract_id: contractId },
  })
  return (data[0]?.competition_id as string | undefined) ?? null
}

async function contractsOfCompetition(c: MedusaContainer, competitionId: string): Promise<string[]> {
  const query = c.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: competitionContractLink.entryPoint,
    fields: ["competition_id", "specific_contract_id"],
    filters: { competition_id: competitionId },
  })
  return data.map((d: Row) => d.specific_contract_id as string)
}

type AwardJson = {
  supplier_id: string
  bid_id: string
  subtotal: string
  offered_at: string
  accepted_at?: string
  lines: { item_id: string; item_name: string; unspsc_code: string; quantity: number; unit_price: string; subtotal: string }[]
}

export async function loadCompetition(c: MedusaContainer, id: string): Promise<CompetitionSource | null> {
  const [m] = await svc(c, "mini_competition").listCompetitions({ id }, { relations: ["lines", "bids"], take: 1 })
  if (!m || !m.published_at) {
    return null
  }
  const [fw] = await svc(c, "framework_contract").listFrameworkContracts(
    { id: m.contract_id as string },
    { select: ["id", "number", "title"], take: 1 },
  )
  const award = (m.award as AwardJson | null) ?? null
  const opened = !!m.opened_at
  // sealed, replaced or withdrawn bids are never read: only what the opening revealed
  const bids = opened ? ((m.bids as Row[]) ?? []).filter((b) => b.status === "opened" || b.status === "tampered") : []
  const o = await orgs(c, [m.organization_id as string, ...bids.map((b) => b.supplier_id as string), ...(award ? [award.supplier_id] : [])])
  const contracts = await loadContracts(c, await contractsOfCompetition(c, id))
  return {
    id: m.id as string,
    number: m.number as string,
    status: m.status as string,
    lot_title: m.lot_title as string,
    published_at: str(m.published_at),
    bid_deadline: str(m.bid_deadline),
    opened_at: str(m.opened_at),
    awarded_at: str(m.awarded_at),
    round: Number(m.round ?? 1),
    agency: must(o.get(m.organization_id as string), "agency"),
    framework: { id: fw.id as string, number: fw.number as string, title: fw.title as string },
    lines: ((m.lines as Row[]) ?? [])
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
      .map((l) => ({
        id: l.id as string,
        item_id: l.item_id as string,
        item_name: l.item_name as string,
        unspsc_code: l.unspsc_code as string,
        quantity: Number(l.quantity),
        ceiling_price: dec(l, "ceiling_price"),
      })),
    bids: bids
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
      .map((b) => ({
        id: b.id as string,
        supplier: must(o.get(b.supplier_id as string), "bidder"),
        valid: (b.valid as boolean | null) ?? null,
        total: b.total === null || b.total === undefined ? null : dec(b, "total"),
        rank: (b.rank as number | null) ?? null,
        submitted_at: str(b.submitted_at) as string,
      })),
    award: award
      ? {
          supplier: must(o.get(award.supplier_id), "winner"),
          bid_id: award.bid_id,
          subtotal: award.subtotal,
          offered_at: award.offered_at,
          accepted_at: award.accepted_at ?? null,
          lines: award.lines.map((l) => ({
            item_id: l.item_id,
            item_name: l.item_name,
            unspsc_code: l.unspsc_code,
            quantity: l.quantity,
            unit_price: l.unit_price,
            subtotal: l.subtotal,
          })),
        }
      : null,
    contracts,
  }
}

/** The process a specific contract (or an amendment of one) belongs to. */
export async function processOfContract(c: MedusaContainer, contractId: string): Promise<(ProcessRef & { amendment: boolean }) | null> {
  const [row] = await svc(c, "specific_contract").listSpecificContracts(
    { id: contractId },
    { select: ["id", "kind", "parent_id"], take: 1 },
  )
  if (!row) {
    return null
  }
  const root = row.kind === "amendment" && row.parent_id ? (row.parent_id as string) : (row.id as string)
  const competition = await competitionOfContract(c, root)
  const amendment = row.kind === "amendment"
  return competition ? { kind: "competition", source_id: competition, amendment } : { kind: "call_off", source_id: root, amendment }
}
