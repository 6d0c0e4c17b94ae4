import { D, round } from "../cfdi/money"

/**
 * Pure rules of shipment, reception, pena convencional and payment terms
 * (no I/O: the workflow steps load the records, call these, write).
 */

/** One line of a specific contract as its data snapshot holds it (the fields used here). */
export type ContractLineTerms = {
  line: number
  item_code: string
  unspsc_code: string
  description: string
  quantity: number
  unit_price: string
  iva_treatment: string
  /** YYYY-MM-DD, or null when the term is `delivery_days` after entry into force. */
  delivery_date: string | null
  delivery_days: number | null
}

/** What LIVA rate each treatment of the catalog means (TasaOCuota). */
export const IVA_RATE_OF: Record<string, string> = { tasa_16: "0.160000", tasa_0: "0.000000", exento: "0.000000" }

/** A date in Mexico City (UTC−6, no DST since 2022), YYYY-MM-DD. (A string: an ISO instant, as steps pass dates on.) */
export function mexicoDate(at: Date | string): string {
  return new Date(new Date(at).getTime() - 6 * 3600 * 1000).toISOString().slice(0, 10)
}

/** Natural days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)
}

/** `date` (YYYY-MM-DD) plus `days` natural days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10)
}

/** When a line is due: its date, or its days counted from entry into force. */
export function lineDueDate(line: Pick<ContractLineTerms, "delivery_date" | "delivery_days">, inForceOn: string): string | null {
  if (line.delivery_date) {
    return line.delivery_date
  }
  return line.delivery_days != null ? addDays(inForceOn, line.delivery_days) : null
}

export type ShipmentLineRequest = { contract_line: number; quantity: number }
export type ShipmentProblem = { field: string; code: string; message: string }

/**
 * A shipment's lines checked against the contract and what is still to ship
 * (ordered − shipped + rejected). The database guards the same bound under
 * concurrency; this gives the clear message when one request alone exceeds it.
 */
export function checkShipmentLines(
  requested: ShipmentLineRequest[],
  lines: ContractLineTerms[],
  tally: Record<number, { shipped: number; rejected: number }>,
): ShipmentProblem[] {
  const problems: ShipmentProblem[] = []
  const seen = new Set<number>()
  requested.forEach((r, i) => {
    const line = lines.find((l) => l.line === r.contract_line)
    if (!line) {
      problems.push({
        field: `lines[${i}].contract_line`,
        code: "PARTIDA_NO_EXISTE",
        message: `La partida ${r.contract_line} no está en el contrato.`,
      })
      return
    }
    if (seen.has(r.contract_line)) {
      problems.push({
        field: `lines[${i}].contract_line`,
        code: "PARTIDA_REPETIDA",
        message: `La partida ${r.contract_line} aparece dos veces en el envío.`,
      })
      return
    }
    seen.add(r.contract_line)
    const t = tally[r.contract_line] ?? { shipped: 0, rejected: 0 }
    const pending = line.quantity - (t.shipped - t.rejected)
    if (r.quantity > pending) {
      problems.push({
        field: `lines[${i}].quantity`,
        code: "CANTIDAD_EXCEDE_PEDIDO",
        message: `Se envían ${r.quantity} unidades de la partida ${line.line} (${line.description}), pero solo quedan ${pending} por entregar de ${line.quantity} pedidas.`,
      })
    }
  })
  return problems
}

export type ReceptionLineRequest = { contract_line: number; accepted_quantity: number; rejected_quantity: number }

/** Each shipped line judged once: accepted + rejected = shipped (what is not accepted is rejected). */
export function checkReceptionLines(
  requested: ReceptionLineRequest[],
  shipped: { contract_line: number; quantity: number }[],
): ShipmentProblem[] {
  const problems: ShipmentProblem[] = []
  for (const s of shipped) {
    if (!requested.some((r) => r.contract_line === s.contract_line)) {
      problems.push({
        field: "lines",
        code: "PARTIDA_SIN_DICTAMEN",
        message: `Falta indicar qué se aceptó y qué se rechazó de la partida ${s.contract_line}.`,
      })
    }
  }
  requested.forEach((r, i) => {
    const s = shipped.find((x) => x.contract_line === r.contract_line)
    if (!s) {
      problems.push({
        field: `lines[${i}].contract_line`,
        code: "PARTIDA_NO_ENVIADA",
        message: `La partida ${r.contract_line} no viene en este envío.`,
      })
    } else if (r.accepted_quantity + r.rejected_quantity !== s.quantity) {
      problems.push({
        field: `lines[${i}]`,
        code: "CANTIDAD_EXCEDE_ENVIO",
        message: `De la partida ${r.contract_line} se enviaron ${s.quantity} unidades: aceptadas (${r.accepted_quantity}) más rechazadas (${r.rejected_quantity}) deben sumar ${s.quantity}.`,
      })
    }
  })
  return problems
}

/** full: everything accepted; rejected: nothing accepted; partial otherwise. */
export function receptionOutcome(lines: ReceptionLineRequest[]): "full" | "partial" | "rejected" {
  const accepted = lines.reduce((a, l) => a + l.accepted_quantity, 0)
  const rejected = lines.reduce((a, l) => a + l.rejected_quantity, 0)
  return rejected === 0 ? "full" : accepted === 0 ? "rejected" : "partial"
}

export type PenaltyTerms = { rate_per_day_percent: string; cap_percent: string }
export type PenaltyLine = { contract_line: number; days_late: number; base: string; amount: string }
export type Penalty = { days_late: number; amount: string; capped: boolean; lines: PenaltyLine[] }

/**
 * Pena convencional (LAASSP art. 53; RLAASSP arts. 95–96) of one reception:
 * for each accepted line delivered after its due date, rate per day × days
 * late × the value without IVA of the units delivered late; the sum of all
 * penalties of the contract never exceeds cap % of its subtotal (what earlier
 * receptions already took counts). Amounts half-up to centavos.
 */
export function conventionalPenalty(input: {
  terms: PenaltyTerms
  contract_subtotal: string
  already_applied: string
  received_on: string
  in_force_on: string
  lines: { terms: ContractLineTerms; accepted_quantity: number }[]
}): Penalty {
  const rate = new D(input.terms.rate_per_day_percent).div(100)
  const lines: PenaltyLine[] = []
  for (const l of input.lines) {
    const due = lineDueDate(l.terms, input.in_force_on)
    const late = due ? Math.max(0, daysBetween(due, input.received_on)) : 0
    if (late === 0 || l.accepted_quantity === 0) {
      continue
    }
    const base = round(new D(l.terms.unit_price).times(l.accepted_quantity), 2)
    lines.push({
      contract_line: l.terms.line,
      days_late: late,
      base: base.toFixed(2),
      amount: round(base.times(rate).times(late), 2).toFixed(2),
    })
  }
  const raw = lines.reduce((a, l) => a.plus(l.amount), new D(0))
  const room = D.max(
    new D(0),
    round(new D(input.contract_subtotal).times(input.terms.cap_percent).div(100), 2).minus(input.already_applied),
  )
  const amount = D.min(raw, room)
  return {
    days_late: lines.reduce((a, l) => Math.max(a, l.days_late), 0),
    amount: amount.toFixed(2),
    capped: amount.lt(raw),
    lines,
  }
}

/** Payment due date: `days` natural days after the invoice was accepted (LAASSP art. 51). */
export function paymentDueDate(acceptedAt: Date | string, days = 20): string {
  return addDays(mexicoDate(acceptedAt), days)
}

/** Paid after the due date (compared as Mexico City dates). */
export function isPaidLate(paidAt: Date | string, dueDate: string): boolean {
  return mexicoDate(paidAt) > dueDate
}

/** Amounts of invoicing `quantity` units of a line at the contract price: importe and IVA per concept, half up. */
export function lineOwed(unitPrice: string, quantity: number, ivaRate: string): { subtotal: string; iva: string; total: string } {
  const subtotal = round(new D(unitPrice).times(quantity), 2)
  const iva = round(subtotal.times(ivaRate), 2)
  return { subtotal: subtotal.toFixed(2), iva: iva.toFixed(2), total: subtotal.plus(iva).toFixed(2) }
}

export type PenaltyOutstanding = { reception_id: string; penalty_amount: string; penalty_deducted: string; received_at: string }
export type PenaltyDeduction = { reception_id: string; amount: string }

/**
 * The penas convencionales one payment withholds (LAASSP art. 53; RLAASSP
 * art. 95: the penalty is deducted from the supplier's payment): what the
 * order's receptions still owe, oldest reception first, up to the invoice's
 * total (a payment is never negative); what does not fit is left for the
 * order's next payment. Exact to the centavo.
 */
export function planPenaltyDeduction(
  receptions: PenaltyOutstanding[],
  invoiceTotal: string,
): { deductions: PenaltyDeduction[]; total: string; net: string } {
  let room = new D(invoiceTotal)
  const deductions: PenaltyDeduction[] = []
  const ordered = [...receptions].sort((a, b) => a.received_at.localeCompare(b.received_at) || a.reception_id.localeCompare(b.reception_id))
  for (const r of ordered) {
    const owed = new D(r.penalty_amount).minus(r.penalty_deducted)
    if (owed.lte(0) || room.lte(0)) {
      continue
    }
    const take = D.min(owed, room)
    deductions.push({ reception_id: r.reception_id, amount: take.toFixed(2) })
    room = room.minus(take)
  }
  const total = deductions.reduce((a, d) => a.plus(d.amount), new D(0))
  return { deductions, total: total.toFixed(2), net: new D(invoiceTotal).minus(total).toFixed(2) }
}

/**
 * The complemento de pago of a PPD invoice is due by the fifth natural day
 * of the month after the payment (RMF regla 2.7.1.35; CFF art. 29 fr. VI),
 * Mexico City dates: paid 2026-12-18 → due 2027-01-05.
 */
export function complementDueDate(paidAt: Date | string): string {
  const [y, m] = mexicoDate(paidAt).split("-").map(Number)
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 }
  return `${next.y}-${String(next.m).padStart(2, "0")}-05`
}

/** Missing after its due date: flagged from the sixth day of the following month. */
export function isComplementOverdue(dueDate: string | null, receivedAt: unknown, now: Date | string): boolean {
  return !!dueDate && !receivedAt && mexicoDate(now) > dueDate
}
