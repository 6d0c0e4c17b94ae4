import { generateEntityId, MedusaService } from "@medusajs/framework/utils"
import { ContractNumberSequence, ContractSignature, ContractTemplate, SpecificContract } from "./models"

type Rows = Record<string, unknown>[]
type Trx = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Rows }> }
type Knex = Trx & { transaction: <T>(fn: (trx: Trx) => Promise<T>) => Promise<T> }
type Em = { getKnex: () => Knex }

export type SettledStatus = {
  previous_status: string
  status: string
  in_force_at: Date | null
  /** True only for the one call that moved the contract into force. */
  became_in_force: boolean
}

/**
 * Specific contracts, their signatures, the versioned templates and the
 * number sequences. Number allocation and the signing status transition are
 * raw SQL so they are atomic under concurrency.
 */
class SpecificContractModuleService extends MedusaService({
  ContractTemplate,
  SpecificContract,
  ContractSignature,
  ContractNumberSequence,
}) {
  protected readonly manager_: Em

  constructor(container: { manager: Em }, ...rest: unknown[]) {
    super(container, ...rest)
    this.manager_ = container.manager
  }

  /** Next number of a scope: one atomic upsert (no two callers get the same). */
  async allocateNumber(scope: string): Promise<number> {
    const { rows } = await this.manager_.getKnex().raw(
      `INSERT INTO contract_number_sequence (id, scope, last_value) VALUES (?, ?, 1)
       ON CONFLICT (scope) WHERE deleted_at IS NULL DO UPDATE SET last_value = contract_number_sequence.last_value + 1, updated_at = now()
       RETURNING last_value`,
      [generateEntityId(undefined, "spcseq"), scope],
    )
    return Number(rows[0].last_value)
  }

  /** Gives a number back when it is still the last one handed out (compensation). */
  async releaseNumber(scope: string, value: number): Promise<void> {
    await this.manager_
      .getKnex()
      .raw(
        "UPDATE contract_number_sequence SET last_value = last_value - 1, updated_at = now() WHERE scope = ? AND last_value = ? AND deleted_at IS NULL",
        [scope, value],
      )
  }

  /**
   * Recomputes the status of a contract from its signatures, under a row
   * lock: partially_signed with one side, in_force with both. Concurrent
   * signers are serialized by the lock, and only one of them sees the move
   * into force (so the event is emitted once).
   */
  async settleSignatureStatus(contractId: string, at: Date): Promise<SettledStatus> {
    return await this.manager_.getKnex().transaction(async (trx) => {
      const { rows: locked } = await trx.raw(
        "SELECT status, in_force_at FROM specific_contract WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
        [contractId],
      )
      const previous = locked[0]?.status as string
      const { rows: sides } = await trx.raw(
        "SELECT count(DISTINCT role)::int AS n FROM contract_signature WHERE contract_id = ? AND deleted_at IS NULL",
        [contractId],
      )
      const n = sides[0].n as number
      if (!["pending_signatures", "partially_signed"].includes(previous)) {
        return {
          previous_status: previous,
          status: previous,
          in_force_at: (locked[0]?.in_force_at as Date) ?? null,
          became_in_force: false,
        }
      }
      const status = n >= 2 ? "in_force" : n === 1 ? "partially_signed" : "pending_signatures"
      const inForceAt = status === "in_force" ? at : null
      await trx.raw("UPDATE specific_contract SET status = ?, in_force_at = ?, updated_at = now() WHERE id = ?", [
        status,
        inForceAt,
        contractId,
      ])
      return { previous_status: previous, status, in_force_at: inForceAt, became_in_force: status === "in_force" }
    })
  }

  /** Puts a status back (compensation of settleSignatureStatus), only if unchanged since. */
  async restoreStatus(contractId: string, expected: string, previous: string): Promise<void> {
    await this.manager_
      .getKnex()
      .raw("UPDATE specific_contract SET status = ?, in_force_at = NULL, updated_at = now() WHERE id = ? AND status = ?", [
        previous,
        contractId,
        expected,
      ])
  }

  /** The version of a template in force at `at` (highest version already effective). */
  async templateInForce(code: string, at: Date) {
    const versions = await this.listContractTemplates({ code, effective_from: { $lte: at } }, { order: { version: "DESC" }, take: 1 })
    return versions[0] ?? null
  }
}

export default SpecificContractModuleService
