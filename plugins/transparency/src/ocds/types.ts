/**
 * What the builders read: plain snapshots of the store's entities, loaded
 * by `load.ts` from the lower plugins' modules. Only fields that may be
 * published are carried (docs/transparency.md, redaction rules R1–R5):
 * no people, no contact data, no bank accounts, no free text.
 */
export type OrgInfo = {
  id: string
  kind: string
  rfc: string
  legal_name: string
  sme_size: string | null
  codigo_postal: string | null
  state_code: string | null
}

export type ContractLineSource = {
  line: number
  item_id: string
  item_code: string
  description: string
  unspsc_code: string
  cog_partida: string
  sat_clave_unidad: string
  unit_name: string
  quantity: number
  unit_price: string
  subtotal: string
  total: string
}

export type PaymentSource = {
  id: string
  status: string
  net_amount: string
  amount: string
  clave_rastreo: string | null
  paid_at: string | null
}

export type SpecificContractSource = {
  id: string
  number: string
  kind: "contract" | "amendment"
  status: string
  issued_at: string
  in_force_at: string | null
  cancelled_at: string | null
  subtotal: string
  total: string
  lines: ContractLineSource[]
  budget: { clave: string; partida: string; fiscal_year: number }
  delivery_days: number | null
  payment_days: number
  amendment: { sequence: number; reason: string; change_percent: string } | null
  agency: OrgInfo
  supplier: OrgInfo
  amendments: SpecificContractSource[]
  payments: PaymentSource[]
}

export type FrameworkSource = {
  id: string
  number: string
  title: string
  description: string | null
  legal_basis: string
  status: string
  valid_from: string
  valid_until: string
  min_amount: string
  max_amount: string
  created_at: string
  buyer: OrgInfo | null
  suppliers: { enrolment_id: string; status: string; valid_from: string; supplier: OrgInfo }[]
}

export type CompetitionSource = {
  id: string
  number: string
  status: string
  lot_title: string
  published_at: string | null
  bid_deadline: string | null
  opened_at: string | null
  awarded_at: string | null
  round: number
  agency: OrgInfo
  framework: { id: string; number: string; title: string }
  lines: { id: string; item_id: string; item_name: string; unspsc_code: string; quantity: number; ceiling_price: string }[]
  /** Only after the opening: bids with their validity and total (sealed bids are never read). */
  bids: { id: string; supplier: OrgInfo; valid: boolean | null; total: string | null; rank: number | null; submitted_at: string }[]
  award: {
    supplier: OrgInfo
    bid_id: string
    subtotal: string
    offered_at: string
    accepted_at: string | null
    lines: { item_id: string; item_name: string; unspsc_code: string; quantity: number; unit_price: string; subtotal: string }[]
  } | null
  contracts: SpecificContractSource[]
}

export type ProcessKind = "framework" | "competition" | "call_off"

/** One contracting process to (re)publish, as the subscribers name it. */
export type ProcessRef = { kind: ProcessKind; source_id: string }
