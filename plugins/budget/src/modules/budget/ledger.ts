import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BUDGET_ERRORS } from "../../utils/errors"
import { formatMxn, toCentavos } from "../../utils/money"
import type { MOVEMENT_TYPES, REFERENCE_TYPES, STAGES } from "./models"

export type MovementType = (typeof MOVEMENT_TYPES)[number]
export type Stage = (typeof STAGES)[number]
export type ReferenceType = (typeof REFERENCE_TYPES)[number]

export type ApplyMovementInput = {
  budget_key_id: string
  type: MovementType
  amount: string
  /** The movement the money is drawn from (required except for reserve and a direct commit). */
  parent_id?: string | null
  reference_type: ReferenceType
  reference_id: string
  idempotency_key: string
  actor_id?: string | null
  external_ref?: string | null
  metadata?: Record<string, unknown> | null
}

export type KeyBalances = {
  id: string
  modificado: string
  reservado: string
  comprometido: string
  devengado: string
  ejercido: string
  pagado: string
  disponible: string
}

export type KeyHeader = {
  id: string
  clave: string
  organization_id: string
  unit_id: string | null
  provider: "own_resources" | "sicop_siaff"
  is_active: boolean
}

export type StaleReservation = {
  id: string
  budget_key_id: string
  reference_type: ReferenceType
  reference_id: string
  idempotency_key: string
  created_at: Date
  /** What is still reserved, two decimals. */
  remaining: string
}

export type AppliedMovement = {
  movement: {
    id: string
    budget_key_id: string
    type: MovementType
    from_stage: Stage
    to_stage: Stage
    amount: string
    parent_id: string | null
    reference_type: ReferenceType
    reference_id: string
    idempotency_key: string
    external_ref: string | null
  }
  /** Balances right after the movement (null on a replay). */
  key: KeyBalances | null
  /** True when the idempotency key had already been used: nothing changed. */
  replayed: boolean
}

/** The part of knex we use: parameterised raw SQL on the module's transaction. */
export type Knex = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }>
}

/** Stage columns that hold money; `disponible` is derived. */
export const STAGE_COLUMNS = ["reservado", "comprometido", "devengado", "ejercido", "pagado"] as const

/** disponible, as SQL over the key row. */
export const DISPONIBLE_SQL = "(modificado - reservado - comprometido - devengado - ejercido - pagado)"

export const KEY_RETURNING = `id, modificado::text, reservado::text, comprometido::text, devengado::text,
  ejercido::text, pagado::text, ${DISPONIBLE_SQL}::text AS disponible`

/**
 * Remaining balance of movement `p`: its amount less its reversals and the
 * net (amount − reversals) of every movement drawn from it. Two bindings
 * exclude one movement id (the one being inserted), pass "" for none.
 */
export const REMAINING_SQL = `p.amount
  - COALESCE((SELECT sum(r.amount) FROM budget_movement r
               WHERE r.parent_id = p.id AND r.type = 'reversal' AND r.id <> ?), 0)
  - COALESCE((SELECT sum(c.amount - COALESCE((SELECT sum(rr.amount) FROM budget_movement rr
                                               WHERE rr.parent_id = c.id AND rr.type = 'reversal'), 0))
                FROM budget_movement c
               WHERE c.parent_id = p.id AND c.type <> 'reversal' AND c.id <> ?), 0)`

/** Which parent movement type each movement type may draw from. */
export const PARENTS: Record<MovementType, MovementType[] | null> = {
  reserve: null,
  commit: ["reserve"],
  release: ["reserve", "commit"],
  accrue: ["commit"],
  exercise: ["accrue"],
  pay: ["exercise"],
  reversal: ["reserve", "commit", "release", "accrue", "exercise", "pay"],
}

export type ParentRow = {
  id: string
  budget_key_id: string
  type: MovementType
  from_stage: Stage
  to_stage: Stage
}

export const TYPE_LABEL_ES: Record<MovementType, string> = {
  reserve: "reserva",
  commit: "compromiso",
  release: "liberación",
  accrue: "devengo",
  exercise: "ejercicio",
  pay: "pago",
  reversal: "reversión",
}

/** The module's knex: the transaction when there is one. */
export function knexOf(sharedContext: Context): Knex {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as {
    getTransactionContext?: () => Knex | undefined
    getKnex: () => Knex
  }
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

export function balances(row: Record<string, string>): KeyBalances {
  return {
    id: row.id,
    modificado: toCentavos(row.modificado),
    reservado: toCentavos(row.reservado),
    comprometido: toCentavos(row.comprometido),
    devengado: toCentavos(row.devengado),
    ejercido: toCentavos(row.ejercido),
    pagado: toCentavos(row.pagado),
    disponible: toCentavos(row.disponible),
  }
}

export function stagesOf(type: MovementType, parent: ParentRow | null): [Stage, Stage] {
  switch (type) {
    case "reserve":
      return ["disponible", "reservado"]
    case "commit":
      return [parent ? "reservado" : "disponible", "comprometido"]
    case "release":
      return [parent!.to_stage, "disponible"]
    case "accrue":
      return ["comprometido", "devengado"]
    case "exercise":
      return ["devengado", "ejercido"]
    case "pay":
      return ["ejercido", "pagado"]
    case "reversal":
      return [parent!.to_stage, parent!.from_stage]
  }
}

/** SET list, bindings and WHERE guard that move `amount` from one stage to another. */
export function stageUpdate(from: Stage, to: Stage, amount: string): { sets: string; bindings: string[]; guard: string } {
  const sets: string[] = []
  const bindings: string[] = []
  const raw = (col: string, op: "+" | "-") => `raw_${col} = jsonb_build_object('value', (${col} ${op} ?::numeric)::text, 'precision', 20)`
  if (from !== "disponible") {
    sets.push(`${from} = ${from} - ?::numeric`, raw(from, "-"))
    bindings.push(amount, amount)
  }
  if (to !== "disponible") {
    sets.push(`${to} = ${to} + ?::numeric`, raw(to, "+"))
    bindings.push(amount, amount)
  }
  // The guard: disponible (or the origin stage) covers the amount.
  const guard = from === "disponible" ? `${DISPONIBLE_SQL} >= ?::numeric` : `${from} >= ?::numeric`
  return { sets: sets.join(", "), bindings, guard }
}

/** Bindings of a ledger row after its key: id, type, stages, amount, raw amount, parent, references… */
export function movementValues(
  id: string,
  input: ApplyMovementInput,
  from: Stage,
  to: Stage,
  amount: string,
  parentId: string | null,
): unknown[] {
  return [
    id,
    input.type,
    from,
    to,
    amount,
    JSON.stringify({ value: amount, precision: 20 }),
    parentId,
    input.reference_type,
    input.reference_id,
    input.idempotency_key,
    input.actor_id ?? null,
    input.external_ref ?? null,
    input.metadata ? JSON.stringify(input.metadata) : null,
  ]
}

export function applied(
  id: string,
  input: ApplyMovementInput,
  from: Stage,
  to: Stage,
  amount: string,
  parentId: string | null,
  keyRow: Record<string, string>,
): AppliedMovement {
  return {
    movement: {
      id,
      budget_key_id: input.budget_key_id,
      type: input.type,
      from_stage: from,
      to_stage: to,
      amount,
      parent_id: parentId,
      reference_type: input.reference_type,
      reference_id: input.reference_id,
      idempotency_key: input.idempotency_key,
      external_ref: input.external_ref ?? null,
    },
    key: balances(keyRow),
    replayed: false,
  }
}

export function keyNotFound(keyId: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `La clave presupuestal ${keyId} no existe.`, BUDGET_ERRORS.KEY_NOT_FOUND)
}

/** Why the guarded UPDATE changed nothing: missing key, inactive key or insufficient funds. */
export async function refusal(knex: Knex, keyId: string, from: Stage, amount: string): Promise<MedusaError> {
  const { rows } = await knex.raw(
    `SELECT is_active, clave, ${DISPONIBLE_SQL}::text AS disponible, ${from === "disponible" ? "0" : from}::text AS origen
       FROM budget_key WHERE id = ? AND deleted_at IS NULL`,
    [keyId],
  )
  const k = rows[0] as { is_active: boolean; clave: string; disponible: string; origen: string } | undefined
  if (!k) {
    return keyNotFound(keyId)
  }
  if (!k.is_active) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `La clave presupuestal ${k.clave} está inactiva.`, BUDGET_ERRORS.KEY_INACTIVE)
  }
  const have = from === "disponible" ? k.disponible : k.origen
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    from === "disponible"
      ? `Fondos insuficientes en la clave presupuestal ${k.clave}: se solicitan ${formatMxn(amount)} y el disponible es ${formatMxn(have)}.`
      : `Fondos insuficientes en la etapa «${from}» de la clave ${k.clave}: se solicitan ${formatMxn(amount)} y hay ${formatMxn(have)}.`,
    BUDGET_ERRORS.INSUFFICIENT,
  )
}
