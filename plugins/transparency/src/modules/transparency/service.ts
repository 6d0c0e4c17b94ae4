import { MedusaService } from "@medusajs/framework/utils"
import { transparencySettings, type TransparencyOptions, type TransparencySettings } from "../../config"
import { OcdsRelease } from "./models"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

export type StoredRelease = {
  id: string
  ocid: string
  release_id: string
  process_kind: "framework" | "competition" | "call_off"
  source_id: string
  tags: string[]
  date: Date
  data: Record<string, unknown>
  data_sha256: string
  source_event: string
}

class TransparencyModuleService extends MedusaService({ OcdsRelease }) {
  protected readonly manager_: { getKnex: () => Knex }
  protected readonly settings_: TransparencySettings

  constructor(container: { manager: { getKnex: () => Knex } }, options?: TransparencyOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.manager_ = container.manager
    this.settings_ = transparencySettings(options ?? {})
  }

  /** The plugin's settings, parsed once from its options (docs/conventions.md, configuration). */
  async settings(): Promise<TransparencySettings> {
    return this.settings_
  }

  /**
   * Appends one release unless the same content was already published for
   * its ocid (redelivered events are harmless). Returns the new row's id,
   * or null when nothing was written.
   */
  async appendRelease(r: Omit<StoredRelease, "id">): Promise<string | null> {
    const { rows } = await this.manager_.getKnex().raw(
      `INSERT INTO tr_ocds_release (id, ocid, release_id, process_kind, source_id, tags, date, data, data_sha256, source_event)
       VALUES ('ocrel_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        r.ocid,
        r.release_id,
        r.process_kind,
        r.source_id,
        JSON.stringify(r.tags),
        r.date,
        JSON.stringify(r.data),
        r.data_sha256,
        r.source_event,
      ],
    )
    return rows[0] ? (rows[0].id as string) : null
  }

  /** The latest release of an ocid: its digest and whether it already held a contract (null when none). */
  async latest(ocid: string): Promise<{ data_sha256: string; contract: boolean } | null> {
    const { rows } = await this.manager_.getKnex().raw(
      `SELECT data_sha256, coalesce(jsonb_array_length(data->'contracts'), 0) > 0 AS contract
         FROM tr_ocds_release WHERE ocid = ? AND deleted_at IS NULL ORDER BY date DESC, created_at DESC LIMIT 1`,
      [ocid],
    )
    return rows[0] ? { data_sha256: rows[0].data_sha256 as string, contract: !!rows[0].contract } : null
  }

  protected clock_: (() => Date) | null = null

  /** Tests set the clock the release dates come from; null restores the system clock. */
  async useClock(clock: (() => Date) | null): Promise<void> {
    this.clock_ = clock
  }

  async now(): Promise<Date> {
    return this.clock_ ? this.clock_() : new Date()
  }
}

export default TransparencyModuleService
