import { createHash } from "node:crypto"
import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { parseSealKey } from "../../competition/seal"
import {
  Competition,
  CompetitionBid,
  CompetitionClarification,
  CompetitionIntegrityDeclaration,
  CompetitionInvitation,
  CompetitionLine,
  CompetitionObservation,
  CompetitionRule,
} from "./models"

export type MiniCompetitionOptions = {
  /** Master seal key for bids, 32 bytes in base64 (MINI_COMPETITION_SEAL_KEY); required in production. */
  sealKey?: string | null
}

/** Development and test only: a fixed key, refused when NODE_ENV=production. */
const DEV_SEAL_KEY = createHash("sha256").update("tienda-digital dev bid seal key (never in production)").digest()

/**
 * Data of competitions, plus the two things the procedure needs from its
 * environment: the master seal key (from the plugin options, never from
 * the application tables) and the clock every deadline is judged by (the
 * server's; tests inject theirs with `useClock`).
 */
class MiniCompetitionModuleService extends MedusaService({
  Competition,
  CompetitionLine,
  CompetitionInvitation,
  CompetitionBid,
  CompetitionObservation,
  CompetitionClarification,
  CompetitionRule,
  CompetitionIntegrityDeclaration,
}) {
  protected readonly sealKey_: Buffer
  protected clock_: () => Date = () => new Date()

  constructor(container: Record<string, unknown>, options: MiniCompetitionOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    if (options?.sealKey) {
      this.sealKey_ = parseSealKey(options.sealKey)
    } else if (process.env.NODE_ENV === "production") {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "MINI_COMPETITION_SEAL_KEY es obligatoria en producción (32 bytes en base64: openssl rand -base64 32).",
      )
    } else {
      this.sealKey_ = DEV_SEAL_KEY
    }
  }

  /** Now, by the procedure's clock. */
  async now(): Promise<Date> {
    return this.clock_()
  }

  /** Replaces the clock (tests); `null` restores the server's. */
  async useClock(clock: (() => Date) | null): Promise<void> {
    this.clock_ = clock ?? (() => new Date())
  }

  /** The master seal key; only the sealing and opening steps ask for it. */
  async sealKey(): Promise<Buffer> {
    return this.sealKey_
  }
}

export default MiniCompetitionModuleService
