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
import { createBudgetProvider, type BudgetProvider, type BudgetProviderKind, type BudgetProviderOptions } from "../../budget-systems"
import { BUDGET_ERRORS } from "../../utils/errors"
import { formatMxn, isPositiveAmount, toCentavos } from "../../utils/money"
import {
  applied,
  balances,
  KEY_RETURNING,
  keyNotFound,
  knexOf,
  movementValues,
  PARENTS,
  refusal,
  REMAINING_SQL,
  STAGE_COLUMNS,
  stagesOf,
  stageUpdate,
  TYPE_LABEL_ES,
  type AppliedMovement,
  type ApplyMovementInput,
  type KeyBalances,
  type KeyHeader,
  type Knex,
  type StaleReservation,
  type ParentRow,
} from "./ledger"
import { BudgetKey, BudgetMovement } from "./models"

export type {
  AppliedMovement,
  ApplyMovementInput,
  KeyBalances,
  KeyHeader,
  StaleReservation,
  MovementType,
  ReferenceType,
  Stage,
} from "./ledger"

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

  /** Who a key belongs to and which system serves it (one indexed read, no ORM hydration: hot path). */
  @InjectManager()
  async getKeyHeader(keyId: string, @MedusaContext() sharedContext: Context = {}): Promise<KeyHeader | null> {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT id, clave, organization_id, unit_id, provider, is_active
         FROM budget_key WHERE id = ? AND deleted_at IS NULL`,
      [keyId],
    )
    return (rows[0] as KeyHeader) ?? null
  }

  /** Current balances of a key, read straight from the row (no cache). */
  @InjectManager()
  async getBalances(keyId: string, @MedusaContext() sharedContext: Context = {}): Promise<KeyBalances | null> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(`SELECT ${KEY_RETURNING} FROM budget_key WHERE id = ? AND deleted_at IS NULL`, [keyId])
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
        BUDGET_ERRORS.INVALID_AMOUNT,
      )
    }
    const parent = await this.parentOf_(input)
    const done = parent ? await this.applyDrawn_(input, parent) : await this.applyDirect_(input)
    return done ?? this.replay_(input)
  }

  @InjectTransactionManager()
  protected async replay_(input: ApplyMovementInput, @MedusaContext() sharedContext: Context = {}): Promise<AppliedMovement> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `SELECT id, budget_key_id, type, from_stage, to_stage, amount::text AS amount, parent_id,
              reference_type, reference_id, idempotency_key, external_ref
         FROM budget_movement WHERE idempotency_key = ? AND deleted_at IS NULL`,
      [input.idempotency_key],
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
        BUDGET_ERRORS.IDEMPOTENCY_CONFLICT,
      )
    }
    const reverted = await knex.raw("SELECT 1 FROM budget_movement WHERE idempotency_key = ? AND deleted_at IS NULL", [
      `${input.idempotency_key}:compensacion`,
    ])
    if (reverted.rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "La operación presupuestal con esta llave de idempotencia fue revertida; usa una llave nueva para intentarla otra vez.",
        BUDGET_ERRORS.IDEMPOTENCY_CONFLICT,
      )
    }
    return { movement: { ...m, amount: toCentavos(m.amount) }, key: null, replayed: true }
  }

  /**
   * Movements that draw on no parent (reserve, a direct commit): ONE
   * statement in autocommit, so the key row is locked only while PostgreSQL
   * runs it (no client round trip while holding it; ADR 0004). The guarded
   * UPDATE and the ledger INSERT are data-modifying CTEs of the same
   * statement: both happen or neither. A concurrent duplicate of the
   * idempotency key fails the INSERT on the unique index (23505), which
   * rolls the whole statement back; null tells the caller to replay.
   */
  // Deliberately NOT a transaction: BEGIN/COMMIT would keep the row lock across a client round trip.
  @InjectManager()
  // eslint-disable-next-line @medusajs/use-inject-manager-on-public-methods
  protected async applyDirect_(input: ApplyMovementInput, @MedusaContext() sharedContext: Context = {}): Promise<AppliedMovement | null> {
    const knex = knexOf(sharedContext)
    const amount = toCentavos(input.amount)
    const [from, to] = stagesOf(input.type, null)
    const id = generateEntityId(undefined, "bmov")
    const { sets, bindings, guard } = stageUpdate(from, to, amount)
    let rows: Record<string, string>[]
    try {
      ;({ rows } = await knex.raw(
        `WITH k AS (
           UPDATE budget_key SET ${sets}, updated_at = now()
            WHERE id = ? AND deleted_at IS NULL AND is_active = true AND ${guard}
              AND NOT EXISTS (SELECT 1 FROM budget_movement WHERE idempotency_key = ? AND deleted_at IS NULL)
            RETURNING ${KEY_RETURNING}, currency_code
         ), m AS (
           INSERT INTO budget_movement (id, budget_key_id, type, from_stage, to_stage, amount, raw_amount,
               currency_code, parent_id, reference_type, reference_id, idempotency_key, actor_id, external_ref, metadata)
           SELECT ?, k.id, ?, ?, ?, ?::numeric, ?::jsonb, k.currency_code, ?, ?, ?, ?, ?, ?, ?::jsonb FROM k
           RETURNING id
         )
         SELECT k.* FROM k JOIN m ON true`,
        [...bindings, input.budget_key_id, amount, input.idempotency_key, ...movementValues(id, input, from, to, amount, null)],
      ))
    } catch (e) {
      if ((e as { code?: string }).code === "23505") {
        return null
      }
      throw e
    }
    if (!rows.length) {
      if (await this.idempotencyKeyUsed_(knex, input.idempotency_key)) {
        return null
      }
      throw await refusal(knex, input.budget_key_id, from, amount)
    }
    return applied(id, input, from, to, amount, null, rows[0])
  }

  /**
   * Movements drawn from a parent: one transaction that inserts the ledger
   * row (the unique idempotency key serialises retries), locks the key row,
   * checks the parent's remaining balance and runs the guarded UPDATE.
   * null means the idempotency key was already used (the caller replays).
   */
  @InjectTransactionManager()
  protected async applyDrawn_(
    input: ApplyMovementInput,
    parent: ParentRow,
    @MedusaContext() sharedContext: Context = {},
  ): Promise<AppliedMovement | null> {
    const knex = knexOf(sharedContext)
    const amount = toCentavos(input.amount)
    const label = TYPE_LABEL_ES[input.type]
    const [from, to] = stagesOf(input.type, parent)

    const id = generateEntityId(undefined, "bmov")
    const inserted = await knex.raw(
      `INSERT INTO budget_movement (id, budget_key_id, type, from_stage, to_stage, amount, raw_amount,
          currency_code, parent_id, reference_type, reference_id, idempotency_key, actor_id,
          external_ref, metadata)
       SELECT ?, k.id, ?, ?, ?, ?::numeric, ?::jsonb, k.currency_code, ?, ?, ?, ?, ?, ?, ?::jsonb
         FROM budget_key k WHERE k.id = ? AND k.deleted_at IS NULL
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [...movementValues(id, input, from, to, amount, parent.id), input.budget_key_id],
    )
    if (!inserted.rows.length) {
      if (await this.idempotencyKeyUsed_(knex, input.idempotency_key)) {
        return null
      }
      throw keyNotFound(input.budget_key_id)
    }

    // Lock the key row (serialises every movement of the key), then check
    // what is left of the parent.
    await knex.raw("SELECT id FROM budget_key WHERE id = ? FOR UPDATE", [input.budget_key_id])
    const { rows } = await knex.raw(`SELECT (${REMAINING_SQL})::text AS remaining FROM budget_movement p WHERE p.id = ?`, [
      id,
      id,
      parent.id,
    ])
    const remaining = rows[0].remaining as string
    if (MathBN.gt(amount, remaining)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `El importe de la ${label} (${formatMxn(amount)}) excede el saldo del movimiento de origen (${formatMxn(remaining)}).`,
        BUDGET_ERRORS.MOVEMENT_BALANCE,
      )
    }

    // The guard: under READ COMMITTED a concurrent writer waits for the row
    // lock and re-evaluates the WHERE on the committed row. The CHECK
    // constraint on budget_key is the backstop for any other path.
    const { sets, bindings, guard } = stageUpdate(from, to, amount)
    const updated = await knex.raw(
      `UPDATE budget_key SET ${sets}, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL AND is_active = true AND ${guard}
        RETURNING ${KEY_RETURNING}`,
      [...bindings, input.budget_key_id, amount],
    )
    if (!updated.rows.length) {
      throw await refusal(knex, input.budget_key_id, from, amount)
    }
    return applied(id, input, from, to, amount, parent.id, updated.rows[0])
  }

  /** The parent a movement draws on, checked against the key and the allowed transitions. */
  // A plain read before the movement's own transaction.
  @InjectManager()
  // eslint-disable-next-line @medusajs/use-inject-manager-on-public-methods
  protected async parentOf_(input: ApplyMovementInput, @MedusaContext() sharedContext: Context = {}): Promise<ParentRow | null> {
    const label = TYPE_LABEL_ES[input.type]
    if (!input.parent_id) {
      if (input.type !== "reserve" && input.type !== "commit") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Un(a) ${label} debe indicar el movimiento del que proviene.`,
          BUDGET_ERRORS.INVALID_TRANSITION,
        )
      }
      return null
    }
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT id, budget_key_id, type, from_stage, to_stage FROM budget_movement
        WHERE id = ? AND deleted_at IS NULL`,
      [input.parent_id],
    )
    const parent = (rows[0] as ParentRow) ?? null
    if (!parent || parent.budget_key_id !== input.budget_key_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `El movimiento ${input.parent_id} no existe en la clave presupuestal indicada.`,
        BUDGET_ERRORS.MOVEMENT_NOT_FOUND,
      )
    }
    if (!PARENTS[input.type]?.includes(parent.type)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `No se puede registrar un(a) ${label} sobre un(a) ${TYPE_LABEL_ES[parent.type]}.`,
        BUDGET_ERRORS.INVALID_TRANSITION,
      )
    }
    return parent
  }

  protected async idempotencyKeyUsed_(knex: Knex, key: string): Promise<boolean> {
    const { rows } = await knex.raw("SELECT 1 FROM budget_movement WHERE idempotency_key = ? AND deleted_at IS NULL", [key])
    return rows.length > 0
  }

  /** What is left of a movement: its amount less its reversals and the net of what was drawn from it. */
  @InjectManager()
  async remainingOf(movementId: string, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const { rows } = await knexOf(sharedContext).raw(`SELECT (${REMAINING_SQL})::text AS remaining FROM budget_movement p WHERE p.id = ?`, [
      "",
      "",
      movementId,
    ])
    return toCentavos(rows[0]?.remaining ?? 0)
  }

  /**
   * Reservations created before `before` that still hold money (not fully
   * committed or released), oldest first, with what is left of each.
   */
  @InjectManager()
  async listStaleReservations(before: Date, limit: number, @MedusaContext() sharedContext: Context = {}): Promise<StaleReservation[]> {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT * FROM (
         SELECT p.id, p.budget_key_id, p.reference_type, p.reference_id, p.idempotency_key, p.created_at,
                (${REMAINING_SQL})::text AS remaining
           FROM budget_movement p
          WHERE p.type = 'reserve' AND p.deleted_at IS NULL AND p.created_at < ?
       ) r
       WHERE r.remaining::numeric > 0
       ORDER BY r.created_at, r.id
       LIMIT ?`,
      ["", "", before.toISOString(), limit],
    )
    return rows.map((r: StaleReservation) => ({ ...r, remaining: toCentavos(r.remaining) }))
  }

  /** Sets the external folio of a movement (after the provider call). */
  @InjectManager()
  async setExternalRef(movementId: string, externalRef: string | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await knexOf(sharedContext).raw("UPDATE budget_movement SET external_ref = ?, updated_at = now() WHERE id = ?", [
      externalRef,
      movementId,
    ])
  }

  /** Ledger check: the stage balances equal the sum of the movements. */
  @InjectManager()
  async reconcile(
    keyId: string,
    @MedusaContext() sharedContext: Context = {},
  ): Promise<{ balanced: boolean; ledger: Record<string, string>; key: KeyBalances | null }> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `SELECT s.stage, (COALESCE((SELECT sum(amount) FROM budget_movement WHERE budget_key_id = ? AND to_stage = s.stage AND deleted_at IS NULL), 0)
          - COALESCE((SELECT sum(amount) FROM budget_movement WHERE budget_key_id = ? AND from_stage = s.stage AND deleted_at IS NULL), 0))::text AS balance
         FROM unnest(?::text[]) AS s(stage)`,
      [keyId, keyId, [...STAGE_COLUMNS]],
    )
    const ledger = Object.fromEntries(rows.map((r: { stage: string; balance: string }) => [r.stage, toCentavos(r.balance)]))
    const key = await this.getBalances(keyId, sharedContext)
    const balanced = !!key && STAGE_COLUMNS.every((s) => MathBN.eq(ledger[s], key[s]))
    return { balanced, ledger, key }
  }
}

export default BudgetModuleService
