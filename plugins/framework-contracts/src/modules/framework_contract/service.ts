import { ContainerRegistrationKeys, MedusaService } from "@medusajs/framework/utils"
import { readVersionToken } from "@tienda/organizations/utils"
import {
  CogCrosswalk,
  ContractVersion,
  FrameworkContract,
  FrameworkItem,
  FrameworkLot,
  Offer,
  OfferPrice,
  OfferRequest,
  Sanction,
  SupplierEnrolment,
  UnitEnrolment,
  UnspscCode,
} from "./models"

/**
 * CRUD for the classifier, framework contracts, offers and sanctions. Rules
 * live in the workflows' steps and in catalog/eligibility.ts.
 */
class FrameworkContractModuleService extends MedusaService({
  UnspscCode,
  CogCrosswalk,
  FrameworkContract,
  FrameworkLot,
  FrameworkItem,
  SupplierEnrolment,
  UnitEnrolment,
  Offer,
  OfferPrice,
  OfferRequest,
  ContractVersion,
  Sanction,
}) {
  protected readonly pg_: () => Parameters<typeof readVersionToken>[0]

  constructor(deps: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.pg_ = () => deps[ContainerRegistrationKeys.PG_CONNECTION] as ReturnType<FrameworkContractModuleService["pg_"]>
  }

  /**
   * Version of the eligibility facts (contracts, enrolments, sanctions):
   * changes with every committed write to them (trigger, migration
   * Migration20261129060000). One indexed read; callers cache what they
   * derive from those facts under it. Null when unknown (no write yet
   * since the table was emptied): then nothing may be cached.
   */
  async eligibilityVersion(): Promise<string | null> {
    return readVersionToken(this.pg_(), "fc_eligibility_version")
  }
}

export default FrameworkContractModuleService
