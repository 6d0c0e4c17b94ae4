import type { MedusaContainer } from "@medusajs/framework/types"
import { MINI_COMPETITION_MODULE } from "../../modules/mini_competition"
import type MiniCompetitionModuleService from "../../modules/mini_competition/service"

export const mc = (container: MedusaContainer) => container.resolve<MiniCompetitionModuleService>(MINI_COMPETITION_MODULE)

/** Decimal strings go to bigNumber columns as-is (exact); the typings only say number. */
export const dec = (value: string | null): number => value as unknown as number

export type CompetitionRow = Awaited<ReturnType<MiniCompetitionModuleService["retrieveCompetition"]>>
export type BidRow = Awaited<ReturnType<MiniCompetitionModuleService["retrieveCompetitionBid"]>>

/** What this plugin reads of the requisitions module (layer 2), by its container key. */
export type RequisitionReader = {
  listRequisitions(
    filters: object,
    config: object,
  ): Promise<
    {
      id: string
      number: string
      status: string
      organization_id: string
      unit_id: string
      competition_lots: unknown
      lines?: unknown[]
    }[]
  >
}
export const requisitions = (container: MedusaContainer) => container.resolve<RequisitionReader>("requisition")

type Lot = {
  id: string
  number: number
  title: string
  competition_threshold: unknown
  min_invitees: number
  bid_window_business_days: number
}
type Item = { id: string; name: string; unspsc_code: string; ceiling_price: unknown; delivery_states: unknown; lot_id?: string }
type Offer = { id: string; supplier_id: string; status: string; delivery_days: unknown; item_id?: string }

/** What this plugin reads of the framework-contracts module (layer 1), by its container key. */
export type FrameworkContractReader = {
  listFrameworkLots(filters: object, config: object): Promise<Lot[]>
  listFrameworkItems(filters: object, config: object): Promise<Item[]>
  listOffers(filters: object, config: object): Promise<Offer[]>
  listSupplierEnrolments(filters: object, config: object): Promise<{ supplier_id: string; status: string }[]>
}
export const frameworkContracts = (container: MedusaContainer) => container.resolve<FrameworkContractReader>("framework_contract")

/**
 * One lock per competition serialises everything that changes it: bids,
 * withdrawals, publication, opening, award. A bid waiting for the lock while
 * the competition opens finds it opened and is refused.
 */
export const competitionLockKey = (id: string) => `mini-competition:${id}`
