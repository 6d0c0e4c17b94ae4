import { MedusaService } from "@medusajs/framework/utils"
import { requisitionsSettings, type RequisitionsOptions, type RequisitionsSettings } from "../../config"
import { ApprovalPolicy, ApprovalStep, Delegation, Requisition, RequisitionLine } from "./models"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

class RequisitionModuleService extends MedusaService({
  ApprovalPolicy,
  Delegation,
  Requisition,
  RequisitionLine,
  ApprovalStep,
}) {
  protected readonly manager_: { getKnex: () => Knex }
  protected readonly settings_: RequisitionsSettings

  constructor(container: { manager: { getKnex: () => Knex } }, options?: RequisitionsOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.manager_ = container.manager
    this.settings_ = requisitionsSettings(options ?? {})
  }

  /** The plugin's settings, parsed once from its options (docs/conventions.md, configuration). */
  async settings(): Promise<RequisitionsSettings> {
    return this.settings_
  }

  /**
   * Moves a requisition from one of `from` to `to` in one guarded UPDATE:
   * of concurrent callers starting from the same state exactly one wins;
   * the others get null (nothing written).
   */
  async transitionStatus(id: string, from: string[], to: string): Promise<{ id: string; previous: string } | null> {
    const { rows } = await this.manager_.getKnex().raw(
      `UPDATE rq_requisition r SET status = ?, updated_at = now()
         FROM (SELECT id, status AS previous FROM rq_requisition WHERE id = ? AND deleted_at IS NULL FOR UPDATE) p
        WHERE r.id = p.id AND p.previous = ANY(?) RETURNING r.id, p.previous`,
      [to, id, from],
    )
    return rows[0] ? { id: rows[0].id as string, previous: rows[0].previous as string } : null
  }
}

export default RequisitionModuleService
