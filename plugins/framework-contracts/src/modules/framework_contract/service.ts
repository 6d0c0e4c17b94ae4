import { MedusaService } from "@medusajs/framework/utils"
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
}) {}

export default FrameworkContractModuleService
