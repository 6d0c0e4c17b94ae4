import "server-only"
import type { Session } from "@lib/session"
import { callBackend, type ApiResult } from "./backend"

/** The rules published with a competition (snapshotted when its bidding opened). */
export type CompetitionRules = {
  citation: string
  min_valid_bids: number
  method: "lowest_price" | "points"
  weights?: { price: number; delivery_days: number } | null
  sme_bonus_points?: number
  abnormally_low_pct: number
  bid_window_business_days: number
  winner_confirmation_business_days: number
}

export type CompetitionLine = { id: string; item_name: string; unspsc_code: string; quantity: number; ceiling_price: string }

export type Clarification = { id: string; question: string; asked_at: string; answer: string | null; answered_at: string | null }

export type BidPoints = { price: string; delivery: string; sme_bonus: string; total: string }

export type EvaluatedBid = {
  bid_id: string
  supplier_id: string
  total: string | null
  delivery_days: number | null
  valid: boolean
  rank: number | null
  findings: { code: string; message: string }[]
  points?: BidPoints | null
}

export type Award = {
  supplier_id: string
  bid_id: string
  subtotal: string
  savings: string
  deviates: boolean
  justification: string | null
  rationale: string
  offered_at: string
  confirmation_deadline: string
  accepted_at?: string
  flags: { kind: string; message: string }[]
}

/** What every view of a competition shares. */
export type CompetitionBase = {
  id: string
  number: string
  status: "draft" | "bidding" | "opened" | "offered" | "awarded" | "deserted"
  requisition_id: string | null
  lot_title: string
  delivery_state: string
  rules: CompetitionRules
  published_at: string | null
  bid_deadline: string | null
  opened_at: string | null
  confirmation_deadline: string | null
  deserted_reason: string | null
  round: number
  lines: CompetitionLine[]
  bid_count: number
  clarifications?: Clarification[]
  evaluation?: { rationale: string; bids: EvaluatedBid[]; winner: { supplier_id: string } | null } | null
  award?: Award | null
}

export type ProcedureView = CompetitionBase & {
  invitations: { supplier_id: string; status: string; reasons: { code: string; message: string }[] }[]
  observations: { id: string; text: string; observed_at: string }[]
}

export type SupplierView = CompetitionBase & {
  invited_count: number
  own_bids: { id: string; status: string; commitment: string; submitted_at: string }[]
  award_signing_payload: Record<string, unknown> | null
}

export type PublicView = CompetitionBase & {
  participants?: { supplier_id: string; legal_name: string | null; total: string | null; valid: boolean; rank: number | null }[]
  winner?: { supplier_id: string; legal_name: string | null; subtotal: string; savings: string; confirmed: boolean } | null
  observations?: { id: string; text: string; observed_at: string }[]
}

export type IntegrityView = {
  side: "official" | "supplier"
  text_in_force: { version: string; text: string; text_sha256: string }
  signing_payload: Record<string, unknown>
  declaration: { declared_at: string; certificate_serial: string | null } | null
}

const enc = encodeURIComponent

export const listSupplierCompetitions = (s: Session) =>
  callBackend<{ competitions: CompetitionBase[] }>("/supplier/competitions", { token: s.token })
export const getSupplierCompetition = (s: Session, id: string) =>
  callBackend<{ competition: SupplierView }>(`/supplier/competitions/${enc(id)}`, { token: s.token })
export const getIntegrity = (s: Session, side: "store" | "supplier", id: string) =>
  callBackend<{ integrity_declaration: IntegrityView }>(`/${side}/competitions/${enc(id)}/integrity-declaration`, { token: s.token })
export const listStoreCompetitions = (s: Session) =>
  callBackend<{ competitions: CompetitionBase[] }>("/store/competitions", { token: s.token })
export const getStoreCompetition = (s: Session, id: string) =>
  callBackend<{ competition: ProcedureView }>(`/store/competitions/${enc(id)}`, { token: s.token })
export const listObserverCompetitions = (s: Session) =>
  callBackend<{ competitions: CompetitionBase[] }>("/observer/competitions", { token: s.token })
export const getObserverCompetition = (s: Session, id: string) =>
  callBackend<{ competition: ProcedureView }>(`/observer/competitions/${enc(id)}`, { token: s.token })
/** The public record (no login). */
export const getPublicCompetition = (id: string) => callBackend<{ competition: PublicView }>(`/public/competitions/${enc(id)}`)

/** One POST of the procedure with the caller's token. */
export function postCompetition<T>(s: Session, path: string, body: unknown, idempotencyKey?: string): Promise<ApiResult<T>> {
  return callBackend<T>(path, { method: "POST", token: s.token, body, idempotencyKey })
}
