import type { IvaTreatment, LineAmounts } from "./money"

/** One party of a contract as the document names it. */
export type ContractParty = {
  organization_id: string
  legal_name: string
  rfc: string
  fiscal_address: string
  representative: { person_id: string; full_name: string; position: string; rfc: string }
}

export type ContractLine = LineAmounts & {
  line: number
  offer_id: string
  item_id: string
  item_code: string
  description: string
  unspsc_code: string
  cog_partida: string
  sat_clave_unidad: string
  unit_name: string
  quantity: number
  unit_price: string
  iva_treatment: IvaTreatment
  /** YYYY-MM-DD, or null when the term is `delivery_days` after entry into force. */
  delivery_date: string | null
  delivery_days: number | null
}

export type AmendmentChange = {
  line: number
  description: string
  field: "Cantidad" | "Fecha de entrega"
  from: string
  to: string
}

export type AmendmentData = {
  parent_id: string
  parent_number: string
  sequence: number
  reason: string
  /** Subtotal (without IVA) of the original contract. */
  original_subtotal: string
  /** Subtotal in force before this amendment. */
  previous_subtotal: string
  /** Cumulative change of the subtotal against the original, percent. */
  change_percent: string
  changes: AmendmentChange[]
}

/**
 * The canonical data of a specific contract or amendment: everything the
 * document says, frozen at creation (a snapshot, never re-read from the
 * catalog). Its SHA-256 over canonical JSON is `data_sha256`.
 */
export type ContractData = {
  kind: "contract" | "amendment"
  number: string
  /** Date of issue in America/Mexico_City, YYYY-MM-DD. */
  issued_on: string
  issued_place: string
  agency: ContractParty & { agency_type: string | null; unit: { id: string; code: string; name: string } }
  supplier: ContractParty
  framework_contract: { id: string; number: string; title: string; legal_basis: string }
  budget: { key_id: string; clave: string; partida: string; fiscal_year: number }
  lines: ContractLine[]
  totals: LineAmounts & { currency: "MXN"; total_in_words: string; iva_method: "por_concepto" }
  delivery: { place: string; unit_id: string | null; date: string | null; days: number | null }
  penalties: { rate_per_day_percent: string; cap_percent: string }
  /**
   * `una_exhibicion` (CFDI MetodoPago PUE) or `parcialidades_o_diferido`
   * (PPD, a complemento de pago per payment); chosen by the agency at
   * generation. Contracts issued before the choice existed lack it (read as
   * `una_exhibicion`).
   */
  payment_plan: "una_exhibicion" | "parcialidades_o_diferido"
  /** Natural days to pay after the CFDI is accepted (LAASSP art. 51). */
  payment_days: number
  requisition_id: string | null
  template: { code: string; version: number }
  amendment: AmendmentData | null
}

/** What both parties sign: the contract, its number and the document digest. */
export type SigningPayload = { contract_id: string; number: string; document_sha256: string }

export type DocumentHashes = {
  data_sha256: string
  html_sha256: string
  pdf_sha256: string
  document_sha256: string
}
