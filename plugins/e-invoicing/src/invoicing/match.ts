import { D } from "../cfdi/money"
import { IVA_RATE_OF, lineOwed, type ContractLineTerms } from "../delivery/rules"
import type { InvoicedLine, LineTally } from "./context"

export type MatchReason = { code: string; message: string }
export type MatchResult = { matched: boolean; amount: string; reasons: MatchReason[] }

/**
 * Three-way match of an accepted invoice: contract (lines, prices, IVA) ↔
 * reception (units accepted, never fewer than invoiced) ↔ CFDI (lines and
 * total), and the budget behind it (the contract's commitment still holds
 * the amount). Any difference is a reason for the exception queue.
 */
export function threeWayMatch(input: {
  contract_lines: ContractLineTerms[]
  tally: Record<number, LineTally>
  invoice: { total: string; lines: InvoicedLine[] }
  commitment_remaining: string | null
}): MatchResult {
  const reasons: MatchReason[] = []
  let owed = new D(0)
  for (const l of input.invoice.lines) {
    const c = input.contract_lines.find((x) => x.line === l.contract_line)
    if (!c) {
      reasons.push({ code: "PARTIDA_NO_CONTRATADA", message: `La partida ${l.contract_line} facturada no está en el contrato.` })
      continue
    }
    if (!new D(l.unit_price).eq(c.unit_price)) {
      reasons.push({
        code: "PRECIO_DISTINTO",
        message: `La partida ${c.line} se factura a ${l.unit_price}; el contrato dice ${c.unit_price}.`,
      })
    }
    const t = input.tally[c.line]
    if (!t || t.invoiced > t.accepted) {
      reasons.push({
        code: "FACTURADO_SIN_RECEPCION",
        message: `De la partida ${c.line} se facturó más de lo recibido a entera satisfacción.`,
      })
    }
    owed = owed.plus(lineOwed(c.unit_price, l.quantity, IVA_RATE_OF[c.iva_treatment] ?? "0.160000").total)
  }
  if (!owed.eq(input.invoice.total)) {
    reasons.push({
      code: "TOTAL_DISTINTO",
      message: `El total del CFDI (${input.invoice.total}) no es lo que vale lo recibido al precio del contrato (${owed.toFixed(2)}).`,
    })
  }
  if (input.commitment_remaining === null) {
    reasons.push({ code: "SIN_COMPROMISO", message: "El contrato no tiene un compromiso presupuestal del que devengar." })
  } else if (new D(input.commitment_remaining).lt(input.invoice.total)) {
    reasons.push({
      code: "COMPROMISO_INSUFICIENTE",
      message: `Al compromiso del contrato le quedan ${new D(input.commitment_remaining).toFixed(2)}; no alcanza para devengar ${input.invoice.total}.`,
    })
  }
  return { matched: reasons.length === 0, amount: new D(input.invoice.total).toFixed(2), reasons }
}
