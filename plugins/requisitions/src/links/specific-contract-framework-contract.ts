import { defineLink } from "@medusajs/framework/utils"
import SpecificContractModule from "@tienda/contracts/modules/specific-contract"
import FrameworkContractModule from "@tienda/framework-contracts/modules/framework_contract"

/**
 * The framework contract a specific contract is drawn from. Read-only (no
 * link table): the id stays in `specific_contract.framework_contract_id`.
 * Defined here because `contracts` and `framework-contracts` share a layer
 * (ADR 0009) and `requisitions` runs the flow that joins them
 * (docs/adr/0013-module-links.md).
 */
export default defineLink(
  { linkable: SpecificContractModule.linkable.specificContract, field: "framework_contract_id" },
  FrameworkContractModule.linkable.frameworkContract,
  { readOnly: true },
)
