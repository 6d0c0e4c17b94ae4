import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FRAMEWORK_CONTRACT_MODULE } from "../modules/framework_contract"
import type FrameworkContractModuleService from "../modules/framework_contract/service"
import { evaluateEligibility, type Eligibility, type EligibilityFacts, type EligibilityPurpose } from "./eligibility"

/** Loads the facts for evaluateEligibility from the database. */
export async function loadEligibilityFacts(
  container: MedusaContainer,
  supplierId: string,
  contractId: string,
  itemId?: string,
): Promise<EligibilityFacts> {
  const service = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [contract] = await service.listFrameworkContracts({ id: contractId }, { take: 1 })
  const [enrolment] = await service.listSupplierEnrolments({ contract_id: contractId, supplier_id: supplierId }, { take: 1 })
  const { data: orgs } = await query.graph({ entity: "organization", fields: ["rfc"], filters: { id: supplierId } })
  const sanctions = orgs[0] ? await service.listSanctions({ supplier_rfc: orgs[0].rfc }, { take: null }) : []
  const facts: EligibilityFacts = {
    contract: contract ?? null,
    enrolment: enrolment ?? null,
    sanctions,
  }
  if (itemId) {
    const [offer] = await service.listOffers({ item_id: itemId, supplier_id: supplierId }, { take: 1 })
    facts.offer = offer ?? null
  }
  return facts
}

/**
 * May this supplier be offered / invited / awarded / contracted / paid under
 * this contract now? The single entry point every capability uses.
 */
export async function checkEligibility(
  container: MedusaContainer,
  input: { supplier_id: string; contract_id: string; item_id?: string; purpose: EligibilityPurpose; at?: Date },
): Promise<Eligibility> {
  const facts = await loadEligibilityFacts(container, input.supplier_id, input.contract_id, input.item_id)
  return evaluateEligibility(facts, input.purpose, input.at ?? new Date())
}
