import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  MathBN,
} from "@medusajs/framework/utils"
import { createBudgetProvider, type BudgetProvider, type BudgetProviderKind, type BudgetProviderOptions } from "../../providers"
import { BUDGET_ERRORS } from "../../utils/errors"
import { formatMxn, isPositiveAmount, toCentavos } from "../../utils/money"
import { BudgetKey, BudgetMovement } from "./models"
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
type Knex = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }>
}

/** Stage columns that hold money; `disponible` is derived. */
const STAGE_COLUMNS = ["reservado", "comprometido", "devengado", "ejercido", "pagado"] as const

/** disponible, as SQL over the key row. */
const DISPONIBLE_SQL =
  "(modificado - reservado - comprometido - devengado - ejercido - pagado)"

const KEY_RETURNING = `id, modificado::text, reservado::text, comprometido::text, devengado::text,
  ejercido::text, pagado::text, ${DISPONIBLE_SQL}::text AS disponible`

/** Which parent movement type each movement type may draw from. */
const PARENTS: Record<MovementType, MovementType[] | null> = {
  reserve: null,
  commit: ["reserve"],
  release: ["reserve", "commit"],
  accrue: ["commit"],
  exercise: ["accrue"],
  pay: ["exercise"],
  reversal: ["reserve", "commit", "release", "accrue", "exercise", "pay"],
}

type ParentRow = {
  id: string
  budget_key_id: string
  type: MovementType
  from_stage: Stage
  to_stage: Stage
}

const TYPE_LABEL_ES: Record<MovementType, string> = {
  reserve: "reserva",
  commit: "compromiso",
  release: "liberación",
  accrue: "devengo",
  exercise: "ejercicio",
  pay: "pago",
  reversal: "reversión",
}

/**
 * Budget keys and their ledger. CRUD comes from MedusaService; the one
 * operation that needs SQL is `applyMovement`: a guarded UPDATE of the key
 * row plus the ledger insert, in one transaction (ADR 0004).
 */
class BudgetModuleService extends MedusaService({ BudgetKey, BudgetMovement }) {
  protected readonly providerOptions_: BudgetProviderOptions
  protected readonly providers_ = new Map<BudgetProviderKind, BudgetProvider>()

  constructor(deps: Record<string, unknown>, options?: BudgetProviderOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.providerOptions_ = options ?? {}
    void deps
  }

  /** The provider client for a key's `provider` configuration. */
  async getProvider(kind: BudgetProviderKind): Promise<BudgetProvider> {
    let p = this.providers_.get(kind)
    if (!p) {
      p = createBudgetProvider(kind, this.providerOptions_)
      this.providers_.set(kind, p)
    }
    return p
  }

  /** Current balances of a key, read straight from the row (no cache). */
  @InjectManager()
  async getBalances(
    keyId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<KeyBalances | null> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `SELECT ${KEY_RETURNING} FROM budget_key WHERE id = ? AND deleted_at IS NULL`,
      [keyId]
    )
    return rows[0] ? balances(rows[0]) : null
  }

  /**
   * Records one movement of the ledger and moves the money between stages
   * of the key. Idempotent: the same `idempotency_key` returns the original
   * movement and changes nothing (a different payload under the same key is
   * refused). Refusals (insufficient funds, more than the parent's balance)
   * leave nothing behind.
   */
  async applyMovement(input: ApplyMovementInput): Promise<AppliedMovement> {
    if (!isPositiveAmount(input.amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `El importe «${input.amount}» no es válido: debe ser mayor que cero y tener a lo más dos decimales.`,
        BUDGET_ERRORS.INVALID_AMOUNT
      )
    }
    const applied = await this.applyMovement_(input)
    if (applied) {
      return applied
    }
    return this.replay_(input)
  }

  @InjectTransactionManager()
  protected async replay_(
    input: ApplyMovementInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AppliedMovement> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `SELECT id, budget_key_id, type, from_stage, to_stage, amount::text AS amount, parent_id,
              reference_type, reference_id, idempotency_key, external_ref
         FROM budget_movement WHERE idempotency_key = ? AND deleted_at IS NULL`,
      [input.idempotency_key]
    )
    const m = rows[0] as AppliedMovement["movement"] | undefined
    if (
      !m ||
      m.budget_key_id !== input.budget_key_id ||
      m.type !== input.type ||
      !MathBN.eq(m.amount, input.amount) ||
      m.reference_type !== input.reference_type ||
      m.reference_id !== input.reference_id
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "La llave de idempotencia ya se usó para otra operación presupuestal; usa una llave nueva para una operación distinta.",
        BUDGET_ERRORS.IDEMPOTENCY_CONFLICT
      )
    }
    const reverted = await knex.raw(
      "SELECT 1 FROM budget_movement WHERE idempotency_key = ? AND deleted_at IS NULL",
      [`${input.idempotency_key}:compensacion`]
    )
    if (reverted.rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "La operación presupuestal con esta llave de idempotencia fue revertida; usa una llave nueva para intentarla otra vez.",
        BUDGET_ERRORS.IDEMPOTENCY_CONFLICT
      )
    }
    return { movement: { ...m, amount: toCentavos(m.amount) }, key: null, replayed: true }
  }

  /** null means the idempotency key was already used (the caller replays). */
  @InjectTransactionManager()
  protected async applyMovement_(
    input: ApplyMovementInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AppliedMovement | null> {
    const knex = knexOf(sharedContext)
    const amount = toCentavos(input.amount)
    const label = TYPE_LABEL_ES[input.type]

    // 1. Stages from the movement type and its parent.
    let parent: ParentRow | null = null
    const allowedParents = PARENTS[input.type]
    if (input.parent_id) {
      const { rows } = await knex.raw(
        `SELECT id, budget_key_id, type, from_stage, to_stage FROM budget_movement
          WHERE id = ? AND deleted_at IS NULL`,
        [input.parent_id]
      )
      parent = (rows[0] as ParentRow) ?? null
      if (!parent || parent.budget_key_id !== input.budget_key_id) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `El movimiento ${input.parent_id} no existe en la clave presupuestal indicada.`,
          BUDGET_ERRORS.MOVEMENT_NOT_FOUND
        )
      }
      if (!allowedParents?.includes(parent.type)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `No se puede registrar un(a) ${label} sobre un(a) ${TYPE_LABEL_ES[parent.type]}.`,
          BUDGET_ERRORS.INVALID_TRANSITION
        )
      }
    } else if (input.type !== "reserve" && input.type !== "commit") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Un(a) ${label} debe indicar el movimiento del que proviene.`,
        BUDGET_ERRORS.INVALID_TRANSITION
      )
    }
    const [from, to] = stagesOf(input.type, parent)

    // 2. Ledger row first: the unique idempotency key serializes retries of
    //    the same operation; a conflict means it was already applied.
    const id = generateEntityId(undefined, "bmov")
    const raw = (v: string) => JSON.stringify({ value: v, precision: 20 })
    const inserted = await knex.raw(
      `INSERT INTO budget_movement (id, budget_key_id, type, from_stage, to_stage, amount, raw_amount,
          currency_code, parent_id, reference_type, reference_id, idempotency_key, actor_id,
          external_ref, metadata)
       SELECT ?, k.id, ?, ?, ?, ?::numeric, ?::jsonb, k.currency_code, ?, ?, ?, ?, ?, ?, ?::jsonb
         FROM budget_key k WHERE k.id = ? AND k.deleted_at IS NULL
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        id,
        input.type,
        from,
        to,
        amount,
        raw(amount),
        parent?.id ?? null,
        input.reference_type,
        input.reference_id,
        input.idempotency_key,
        input.actor_id ?? null,
        input.external_ref ?? null,
        input.metadata ? JSON.stringify(input.metadata) : null,
        input.budget_key_id,
      ]
    )
    if (!inserted.rows.length) {
      const { rows } = await knex.raw(
        "SELECT 1 FROM budget_movement WHERE idempotency_key = ? AND deleted_at IS NULL",
        [input.idempotency_key]
      )
      if (rows.length) {
        return null
      }
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `La clave presupuestal ${input.budget_key_id} no existe.`,
        BUDGET_ERRORS.KEY_NOT_FOUND
      )
    }

    // 3. Drawing on a parent: lock the key row (serializes every movement of
    //    the key) and check the parent's remaining balance.
    if (parent) {
      await knex.raw("SELECT id FROM budget_key WHERE id = ? FOR UPDATE", [input.budget_key_id])
      const { rows } = await knex.raw(
        `SELECT (p.amount
            - COALESCE((SELECT sum(r.amount) FROM budget_movement r
                         WHERE r.parent_id = p.id AND r.type = 'reversal' AND r.id <> ?), 0)
            - COALESCE((SELECT sum(c.amount - COALESCE((SELECT sum(rr.amount) FROM budget_movement rr
                                                         WHERE rr.parent_id = c.id AND rr.type = 'reversal'), 0))
                          FROM budget_movement c
                         WHERE c.parent_id = p.id AND c.type <> 'reversal' AND c.id <> ?), 0))::text AS remaining
           FROM budget_movement p WHERE p.id = ?`,
        [id, id, parent.id]
      )
      const remaining = rows[0].remaining as string
      if (MathBN.gt(amount, remaining)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `El importe de la ${label} (${formatMxn(amount)}) excede el saldo del movimiento de origen (${formatMxn(remaining)}).`,
          BUDGET_ERRORS.MOVEMENT_BALANCE
        )
      }
    }

    // 4. The guard: one conditional UPDATE. Under READ COMMITTED a
    //    concurrent writer waits for the row lock and re-evaluates the WHERE
    //    on the committed row, so the check and the write are atomic. The
    //    CHECK constraint on budget_key is the backstop for any other path.
    const sets: string[] = []
    const bindings: unknown[] = []
    if (from !== "disponible") {
      sets.push(`${from} = ${from} - ?::numeric`, `raw_${from} = jsonb_build_object('value', (${from} - ?::numeric)::text, 'precision', 20)`)
      bindings.push(amount, amount)
    }
    if (to !== "disponible") {
      sets.push(`${to} = ${to} + ?::numeric`, `raw_${to} = jsonb_build_object('value', (${to} + ?::numeric)::text, 'precision', 20)`)
      bindings.push(amount, amount)
    }
    const guard = from === "disponible" ? `${DISPONIBLE_SQL} >= ?::numeric` : `${from} >= ?::numeric`
    const updated = await knex.raw(
      `UPDATE budget_key SET ${sets.join(", ")}, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL AND is_active = true AND ${guard}
        RETURNING ${KEY_RETURNING}`,
      [...bindings, input.budget_key_id, amount]
    )
    if (!updated.rows.length) {
      const { rows } = await knex.raw(
        `SELECT is_active, clave, ${DISPONIBLE_SQL}::text AS disponible, ${from === "disponible" ? "0" : from}::text AS origen
           FROM budget_key WHERE id = ?`,
        [input.budget_key_id]
      )
      const k = rows[0] as { is_active: boolean; clave: string; disponible: string; origen: string }
      if (!k.is_active) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `La clave presupuestal ${k.clave} está inactiva.`,
          BUDGET_ERRORS.KEY_INACTIVE
        )
      }
      const have = from === "disponible" ? k.disponible : k.origen
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        from === "disponible"
          ? `Fondos insuficientes en la clave presupuestal ${k.clave}: se solicitan ${formatMxn(amount)} y el disponible es ${formatMxn(have)}.`
          : `Fondos insuficientes en la etapa «${from}» de la clave ${k.clave}: se solicitan ${formatMxn(amount)} y hay ${formatMxn(have)}.`,
        BUDGET_ERRORS.INSUFFICIENT
      )
    }
    return {
      movement: {
        id,
        budget_key_id: input.budget_key_id,
        type: input.type,
        from_stage: from,
        to_stage: to,
        amount,
        parent_id: parent?.id ?? null,
        reference_type: input.reference_type,
        reference_id: input.reference_id,
        idempotency_key: input.idempotency_key,
        external_ref: input.external_ref ?? null,
      },
      key: balances(updated.rows[0]),
      replayed: false,
    }
  }

  /** Sets the external folio of a movement (after the provider call). */
  @InjectManager()
  async setExternalRef(
    movementId: string,
    externalRef: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await knexOf(sharedContext).raw(
      "UPDATE budget_movement SET external_ref = ?, updated_at = now() WHERE id = ?",
      [externalRef, movementId]
    )
  }

  /** Ledger check: the stage balances equal the sum of the movements. */
  @InjectManager()
  async reconcile(
    keyId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ balanced: boolean; ledger: Record<string, string>; key: KeyBalances | null }> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `SELECT s.stage, (COALESCE((SELECT sum(amount) FROM budget_movement WHERE budget_key_id = ? AND to_stage = s.stage AND deleted_at IS NULL), 0)
          - COALESCE((SELECT sum(amount) FROM budget_movement WHERE budget_key_id = ? AND from_stage = s.stage AND deleted_at IS NULL), 0))::text AS balance
         FROM unnest(?::text[]) AS s(stage)`,
      [keyId, keyId, [...STAGE_COLUMNS]]
    )
    const ledger = Object.fromEntries(rows.map((r: { stage: string; balance: string }) => [r.stage, toCentavos(r.balance)]))
    const key = await this.getBalances(keyId, sharedContext)
    const balanced =
      !!key && STAGE_COLUMNS.every((s) => MathBN.eq(ledger[s], key[s]))
    return { balanced, ledger, key }
  }
}

/** The module's knex: the transaction when there is one. */
function knexOf(sharedContext: Context): Knex {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as {
    getTransactionContext?: () => Knex | undefined
    getKnex: () => Knex
  }
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

function balances(row: Record<string, string>): KeyBalances {
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

function stagesOf(type: MovementType, parent: ParentRow | null): [Stage, Stage] {
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

export default BudgetModuleService
