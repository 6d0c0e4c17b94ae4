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

/**
 * A valid bid's score under `points`, each part rounded half up to the
 * hundredth for display; the ranking compares the exact fractions.
 */
export type BidPoints = { price: string; delivery: string; sme_bonus: string; total: string }

export type BidEvaluation = {
  bid_id: string
  supplier_id: string
  submitted_at: string
  sme: boolean
  total: string | null
  /** The bid's delivery days (null when it did not open). */
  delivery_days: number | null
  valid: boolean
  findings: Finding[]
  rank: number | null
  /** Only under `points`, for valid bids. */
  points: BidPoints | null
}

export type Evaluation = {
  outcome: "award" | "deserted"
  method: CompetitionRules["method"]
  bids: BidEvaluation[]
  valid_count: number
  average: string | null
  floor: string | null
  winner: { bid_id: string; supplier_id: string; total: string; points?: string } | null
  rationale: string
}

/** An exact non-negative fraction of bigints. */
type Fraction = { num: bigint; den: bigint }

const compareFractions = (a: Fraction, b: Fraction) => {
  const l = a.num * b.den
  const r = b.num * a.den
  return l === r ? 0 : l < r ? -1 : 1
}

/** A non-negative fraction rounded half up to two decimals. */
export function fractionToFixed2(f: Fraction): string {
  return fromCentavos((f.num * 200n + f.den) / (2n * f.den))
}

type Score = { price: Fraction; delivery: Fraction; bonus: bigint; total: Fraction }

/**
 * Points of a valid bid with the published weights: price weight × lowest
 * valid total ÷ this total, delivery weight × shortest valid delivery ÷ this
 * delivery, plus the SME bonus — exact fractions, nothing rounded.
 */
function scoreOf(total: bigint, days: bigint, sme: boolean, best: { total: bigint; days: bigint }, rules: CompetitionRules): Score {
  const wp = BigInt(rules.weights!.price)
  const wd = BigInt(rules.weights!.delivery_days)
  const bonus = sme ? BigInt(rules.sme_bonus_points ?? 0) : 0n
  return {
    price: { num: wp * best.total, den: total },
    delivery: { num: wd * best.days, den: days },
    bonus,
    total: { num: wp * best.total * days + wd * best.days * total + bonus * total * days, den: total * days },
  }
}

const pointsOf = (s: Score): BidPoints => ({
  price: fractionToFixed2(s.price),
  delivery: fractionToFixed2(s.delivery),
  sme_bonus: fromCentavos(s.bonus * 100n),
  total: fractionToFixed2(s.total),
})

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
  const days = bid.opened.content.delivery_days
  if (!Number.isInteger(days) || days < 1) {
    findings.push({ code: "PLAZO_NO_VALIDO", message: `El plazo de entrega ${days} no es un número entero de días mayor que cero.` })
  }
  return { total: findings.length ? null : total, findings }
}

/**
 * Evaluates the opened bids by the competition's rules, deterministically:
 * a bid is valid when it opened against its commitment, prices every line
 * once within the ceiling, its supplier is still eligible at the close, and
 * it is not abnormally low (≥ `abnormally_low_pct` % under the average of
 * the otherwise valid bids). Valid bids rank by total (lowest first), then
 * by the tie-breaks in order. Under `points` (published weights) valid bids
 * rank by their exact score — price and delivery points proportional to the
 * best valid total and delivery, plus the SME bonus — then by the lower
 * total, then the tie-breaks; the bid id settles what is still equal, so the
 * order never depends on the input's. With fewer valid bids than
 * `min_valid_bids` the competition is deserted.
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
  const points = rules.method === "points" && !!rules.weights
  const daysOf = (r: (typeof rows)[number]) => BigInt(r.bid.opened.ok ? r.bid.opened.content.delivery_days : 0)
  const scores = new Map<string, Score>()
  if (points && valid.length) {
    const best = {
      total: valid.reduce((m, r) => (r.total! < m ? r.total! : m), valid[0].total!),
      days: valid.reduce((m, r) => (daysOf(r) < m ? daysOf(r) : m), daysOf(valid[0])),
    }
    for (const r of valid) {
      scores.set(r.bid.bid_id, scoreOf(r.total!, daysOf(r), r.bid.sme, best, rules))
    }
  }
  const order = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    if (points) {
      // highest points first, exactly
      const byPoints = compareFractions(scores.get(b.bid.bid_id)!.total, scores.get(a.bid.bid_id)!.total)
      if (byPoints !== 0) {
        return byPoints
      }
    }
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
  const evaluations: BidEvaluation[] = rows.map((r) => {
    const score = scores.get(r.bid.bid_id)
    return {
      bid_id: r.bid.bid_id,
      supplier_id: r.bid.supplier_id,
      submitted_at: r.bid.submitted_at,
      sme: r.bid.sme,
      total: r.total === null ? null : fromCentavos(r.total),
      delivery_days: r.bid.opened.ok ? r.bid.opened.content.delivery_days : null,
      valid: rankOf.has(r.bid.bid_id),
      findings: r.findings,
      rank: rankOf.get(r.bid.bid_id) ?? null,
      points: score && rankOf.has(r.bid.bid_id) ? pointsOf(score) : null,
    }
  })
  evaluations.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.bid_id < b.bid_id ? -1 : a.bid_id > b.bid_id ? 1 : 0))
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
  const tieBreaks = rules.tie_break.map((t) => (t === "sme" ? "preferencia MIPYME" : "presentación más temprana"))
  if (points) {
    const top = scores.get(first.bid.bid_id)!
    const p = pointsOf(top)
    const tiedOnPoints = valid.filter((r) => compareFractions(scores.get(r.bid.bid_id)!.total, top.total) === 0)
    const tiedOnTotal = tiedOnPoints.filter((r) => r.total === first.total).length
    const best = {
      total: valid.reduce((m, r) => (r.total! < m ? r.total! : m), first.total!),
      days: valid.reduce((m, r) => (daysOf(r) < m ? daysOf(r) : m), daysOf(first)),
    }
    const { price: wp, delivery_days: wd } = rules.weights!
    const bonus = rules.sme_bonus_points ?? 0
    return {
      ...base,
      outcome: "award",
      winner: { bid_id: first.bid.bid_id, supplier_id: first.bid.supplier_id, total: fromCentavos(first.total!), points: p.total },
      rationale:
        `Mayor puntuación entre ${valid.length} propuestas válidas, con las ponderaciones publicadas (precio ${wp} puntos, plazo de entrega ${wd} puntos` +
        (bonus ? `, bonificación MIPYME ${bonus} puntos` : "") +
        `): ${p.total} puntos = precio ${p.price} (${wp} × ${fromCentavos(best.total)} menor total ÷ ${fromCentavos(first.total!)} de la propuesta)` +
        ` + plazo ${p.delivery} (${wd} × ${best.days} días del plazo más corto ÷ ${daysOf(first)} días de la propuesta)` +
        (bonus ? ` + MIPYME ${p.sme_bonus}` : "") +
        `; total ${fromCentavos(first.total!)} MXN antes de IVA. Los puntos se muestran redondeados a centésimas; el orden usa su valor exacto` +
        (tiedOnPoints.length > 1
          ? `; empate en puntos entre ${tiedOnPoints.length} propuestas resuelto por el menor total` +
            (tiedOnTotal > 1 ? `, luego ${tieBreaks.join(", luego ")}` : "") +
            "."
          : "."),
    }
  }
  const tied = valid.filter((r) => r.total === first.total).length
  return {
    ...base,
    outcome: "award",
    winner: { bid_id: first.bid.bid_id, supplier_id: first.bid.supplier_id, total: fromCentavos(first.total!) },
    rationale:
      `Precio más bajo entre ${valid.length} propuestas válidas: ${fromCentavos(first.total!)} MXN antes de IVA` +
      (tied > 1 ? `; empate entre ${tied} propuestas resuelto por ${tieBreaks.join(", luego ")}.` : "."),
  }
}
