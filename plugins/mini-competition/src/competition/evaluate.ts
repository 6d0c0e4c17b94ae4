import type { CompetitionRules } from "./rules"
import type { OpenedBid } from "./seal"
import { fromCentavos, toCentavos } from "./money"

export type Finding = { code: string; message: string }

export type BidToEvaluate = {
  bid_id: string
  supplier_id: string
  submitted_at: string
  /** Micro, small or medium enterprise (tie-break preference). */
  sme: boolean
  opened: OpenedBid
  /** Eligibility re-checked at the close (sanctions, enrolment). */
  eligibility: { eligible: boolean; reasons: Finding[] }
}

export type LineToEvaluate = { id: string; quantity: number; ceiling_price: string }

export type BidEvaluation = {
  bid_id: string
  supplier_id: string
  submitted_at: string
  sme: boolean
  total: string | null
  valid: boolean
  findings: Finding[]
  rank: number | null
}

export type Evaluation = {
  outcome: "award" | "deserted"
  method: CompetitionRules["method"]
  bids: BidEvaluation[]
  valid_count: number
  average: string | null
  floor: string | null
  winner: { bid_id: string; supplier_id: string; total: string } | null
  rationale: string
}

function checkContent(bid: BidToEvaluate, lines: LineToEvaluate[]): { total: bigint | null; findings: Finding[] } {
  if (!bid.opened.ok) {
    return { total: null, findings: [{ code: bid.opened.code, message: bid.opened.message }] }
  }
  const findings: Finding[] = []
  let total = 0n
  for (const line of lines) {
    const priced = bid.opened.content.lines.filter((l) => l.line_id === line.id)
    if (priced.length !== 1) {
      findings.push({ code: "PARTIDA_SIN_PRECIO", message: `La propuesta no cotiza exactamente una vez la partida ${line.id}.` })
      continue
    }
    const price = toCentavos(priced[0].unit_price)
    if (price <= 0n || price > toCentavos(line.ceiling_price)) {
      findings.push({
        code: "PRECIO_SOBRE_TECHO",
        message: `El precio ${priced[0].unit_price} de la partida ${line.id} excede el precio techo ${line.ceiling_price} o no es positivo.`,
      })
    }
    total += price * BigInt(line.quantity)
  }
  return { total: findings.length ? null : total, findings }
}

/**
 * Evaluates the opened bids by the competition's rules, deterministically:
 * a bid is valid when it opened against its commitment, prices every line
 * once within the ceiling, its supplier is still eligible at the close, and
 * it is not abnormally low (≥ `abnormally_low_pct` % under the average of
 * the otherwise valid bids). Valid bids rank by total (lowest first), then
 * by the tie-breaks in order. With fewer valid bids than `min_valid_bids`
 * the competition is deserted.
 */
export function evaluateBids(lines: LineToEvaluate[], rules: CompetitionRules, bids: BidToEvaluate[]): Evaluation {
  const rows = bids.map((bid) => {
    const { total, findings } = checkContent(bid, lines)
    if (!bid.eligibility.eligible) {
      findings.push(...bid.eligibility.reasons)
    }
    return { bid, total, findings }
  })
  const candidates = rows.filter((r) => r.total !== null && r.findings.length === 0)
  let average: bigint | null = null
  let floor: string | null = null
  if (candidates.length) {
    const sum = candidates.reduce((s, r) => s + r.total!, 0n)
    const n = BigInt(candidates.length)
    average = sum / n
    const pct = BigInt(rules.abnormally_low_pct)
    floor = fromCentavos((sum * (100n - pct)) / (n * 100n))
    for (const r of candidates) {
      // total < average × (1 − pct/100), exactly: total × n × 100 < sum × (100 − pct)
      if (r.total! * n * 100n < sum * (100n - pct)) {
        r.findings.push({
          code: "PRECIO_ANORMALMENTE_BAJO",
          message: `El total ${fromCentavos(r.total!)} está ${rules.abnormally_low_pct} % o más por debajo del promedio de las propuestas válidas (${fromCentavos(average)}).`,
        })
      }
    }
  }
  const valid = rows.filter((r) => r.total !== null && r.findings.length === 0)
  const order = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    if (a.total! !== b.total!) {
      return a.total! < b.total! ? -1 : 1
    }
    for (const rule of rules.tie_break) {
      if (rule === "sme" && a.bid.sme !== b.bid.sme) {
        return a.bid.sme ? -1 : 1
      }
      if (rule === "earliest_submission" && a.bid.submitted_at !== b.bid.submitted_at) {
        return new Date(a.bid.submitted_at).getTime() - new Date(b.bid.submitted_at).getTime()
      }
    }
    return a.bid.bid_id < b.bid.bid_id ? -1 : 1
  }
  valid.sort(order)
  const rankOf = new Map(valid.map((r, i) => [r.bid.bid_id, i + 1]))
  const evaluations: BidEvaluation[] = rows.map((r) => ({
    bid_id: r.bid.bid_id,
    supplier_id: r.bid.supplier_id,
    submitted_at: r.bid.submitted_at,
    sme: r.bid.sme,
    total: r.total === null ? null : fromCentavos(r.total),
    valid: rankOf.has(r.bid.bid_id),
    findings: r.findings,
    rank: rankOf.get(r.bid.bid_id) ?? null,
  }))
  evaluations.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
  const base = {
    method: rules.method,
    bids: evaluations,
    valid_count: valid.length,
    average: average === null ? null : fromCentavos(average),
    floor,
  }
  if (valid.length < rules.min_valid_bids) {
    return {
      ...base,
      outcome: "deserted",
      winner: null,
      rationale: `Desierta: ${valid.length} propuesta(s) válida(s) de ${bids.length} presentada(s); las reglas exigen al menos ${rules.min_valid_bids}.`,
    }
  }
  const first = valid[0]
  const tied = valid.filter((r) => r.total === first.total).length
  return {
    ...base,
    outcome: "award",
    winner: { bid_id: first.bid.bid_id, supplier_id: first.bid.supplier_id, total: fromCentavos(first.total!) },
    rationale:
      `Precio más bajo entre ${valid.length} propuestas válidas: ${fromCentavos(first.total!)} MXN antes de IVA` +
      (tied > 1
        ? `; empate entre ${tied} propuestas resuelto por ${rules.tie_break.map((t) => (t === "sme" ? "preferencia MIPYME" : "presentación más temprana")).join(", luego ")}.`
        : "."),
  }
}
