import { DateTime } from "luxon"
import type { AmendmentRequest } from "./build"
import { invalid, SPECIFIC_CONTRACT_ERRORS as E } from "../errors"

/**
 * The rules of a convenio modificatorio request, pure (docs/conventions.md,
 * "Pure rules, thin steps"): the step `prepare-contract-amendment` loads the
 * parent and its amendments and calls these in order.
 */

/** What the rules read of a contract or amendment record. */
export type AmendableRecord = {
  id: string
  number: string
  status: string
  amendment_sequence?: number | null
  data?: unknown
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Only a contract in force admits an amendment. */
export function assertAmendable(parent: AmendableRecord): void {
  if (parent.status !== "in_force") {
    throw invalid(
      E.NOT_AMENDABLE,
      `El contrato ${parent.number} no está en vigor; solo un contrato en vigor admite convenios modificatorios.`,
    )
  }
}

/** Quantities are non-negative integers and delivery dates AAAA-MM-DD (prices never change). */
export function assertAmendmentChanges(changes: AmendmentRequest["changes"]): void {
  for (const c of changes) {
    if (c.quantity !== undefined && (!Number.isInteger(c.quantity) || c.quantity < 0)) {
      throw invalid(E.AMENDMENT_INVALID, `Partida ${c.line}: la cantidad debe ser un entero no negativo.`)
    }
    if (c.delivery_date !== undefined && (!ISO_DATE.test(c.delivery_date) || !DateTime.fromISO(c.delivery_date).isValid)) {
      throw invalid(E.AMENDMENT_INVALID, `Partida ${c.line}: la fecha de entrega debe tener el formato AAAA-MM-DD.`)
    }
  }
}

/** One amendment at a time: none of the parent's may be awaiting signatures. */
export function assertNoPendingAmendment(amendments: AmendableRecord[]): void {
  const pending = amendments.find((a) => a.status === "pending_signatures" || a.status === "partially_signed")
  if (pending) {
    throw invalid(E.AMENDMENT_PENDING, `El convenio ${pending.number} está pendiente de firmas; fírmalo o cancélalo antes de pedir otro.`)
  }
}

/** The record whose lines are in force: the latest amendment in force, else the contract itself. */
export function recordInForce<T extends AmendableRecord>(parent: T, amendments: T[]): T {
  const latest = amendments
    .filter((a) => a.status === "in_force")
    .sort((a, b) => (b.amendment_sequence ?? 0) - (a.amendment_sequence ?? 0))[0]
  return latest ?? parent
}
