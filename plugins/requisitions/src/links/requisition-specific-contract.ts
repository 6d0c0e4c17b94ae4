import { defineLink } from "@medusajs/framework/utils"
import SpecificContractModule from "@tienda/contracts/modules/specific-contract"
import RequisitionModule from "../modules/requisition"

/** The specific contracts generated from a requisition (one per supplier). */
export default defineLink(RequisitionModule.linkable.requisition, {
  linkable: SpecificContractModule.linkable.specificContract,
  isList: true,
})
