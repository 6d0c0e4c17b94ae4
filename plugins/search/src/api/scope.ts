import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { buyerScope, evaluateEligibility } from "@tienda/framework-contracts/catalog/index"
import { FRAMEWORK_CONTRACT_MODULE, type FrameworkContractModuleService } from "@tienda/framework-contracts/modules/framework_contract"
import { unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS, type AccessContext } from "@tienda/organizations/utils"
import { offerKey } from "../modules/catalog_search/documents"
import { cacheTtlMs, TtlLru } from "./cache"

export type SearchScope = {
  contract_ids: string[]
  state_code: string | null
  /** `contract_id:supplier_id` of every supplier eligible to offer now. */
  allowed_keys: string[]
  supplier_names: Map<string, string>
  /**
   * Identifies this scope for result caches: eligibility version, buyer
   * organization and units; empty when it must not be cached.
   */
  cache_key: string
}

const scopes = new TtlLru<SearchScope>(2000)

/**
 * `computeSearchScope`, reused while the eligibility facts keep their
 * version (see ./cache.ts for what expiry covers).
 */
export async function searchScope(container: MedusaContainer, access: AccessContext): Promise<SearchScope> {
  const fc = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const units = unitsWithPermission(access, PERMISSIONS.CATALOG_BROWSE)
  const version = await fc.eligibilityVersion()
  // no version, no reuse: an empty key is never stored
  const key = version === null ? "" : [version, access.organization_id, units === null ? "*" : [...units].sort().join(",")].join("|")
  if (!key) {
    return { ...(await computeSearchScope(container, access)), cache_key: key }
  }
  return scopes.load(key, cacheTtlMs(), async () => ({ ...(await computeSearchScope(container, access)), cache_key: key }))
}

/**
 * What the caller may see, decided now (not at indexing time): the
 * contracts of `buyerScope` (published, in force, a unit of the caller
 * enrolled) and, per contract, the suppliers `evaluateEligibility` accepts
 * (enrolled, not sanctioned). A sanction or a suspension takes effect on the
 * next search, whatever the state of the index.
 */
export async function computeSearchScope(
  container: MedusaContainer,
  access: AccessContext,
  now = new Date(),
): Promise<Omit<SearchScope, "cache_key">> {
  const scope = await buyerScope(container, access, now)
  const empty = { contract_ids: [], state_code: scope.state_code, allowed_keys: [], supplier_names: new Map() }
  if (!scope.contract_ids.length) {
    return empty
  }
  const fc = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const contracts = await fc.listFrameworkContracts({ id: scope.contract_ids }, { take: null })
  const enrolments = await fc.listSupplierEnrolments({ contract_id: scope.contract_ids }, { take: null })
  if (!enrolments.length) {
    return { ...empty, contract_ids: scope.contract_ids }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orgs } = await query.graph({
    entity: "organization",
    fields: ["id", "rfc", "legal_name"],
    filters: { id: [...new Set(enrolments.map((e) => e.supplier_id))] },
  })
  const sanctions = orgs.length ? await fc.listSanctions({ supplier_rfc: orgs.map((o) => o.rfc as string) }, { take: null }) : []
  const allowed: string[] = []
  const names = new Map<string, string>()
  for (const e of enrolments) {
    const contractId = (e as unknown as { contract_id: string }).contract_id
    const org = orgs.find((o) => o.id === e.supplier_id)
    if (!org) {
      continue
    }
    const verdict = evaluateEligibility(
      {
        contract: contracts.find((c) => c.id === contractId) ?? null,
        enrolment: e,
        sanctions: sanctions.filter((s) => s.supplier_rfc === org.rfc),
      },
      "offer",
      now,
    )
    if (verdict.eligible) {
      allowed.push(offerKey(contractId, e.supplier_id))
      names.set(e.supplier_id, org.legal_name as string)
    }
  }
  return { contract_ids: scope.contract_ids, state_code: scope.state_code, allowed_keys: allowed, supplier_names: names }
}
