import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SpecificContractModule from "@tienda/contracts/modules/specific-contract"

/** The Medusa order a specific contract released when it entered into force. */
export default defineLink(SpecificContractModule.linkable.specificContract, OrderModule.linkable.order)
