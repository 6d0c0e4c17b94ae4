import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { FRAMEWORK_CONTRACT_MODULE } from "../modules/framework_contract"
import type FrameworkContractModuleService from "../modules/framework_contract/service"
import { FICHA_FIELDS } from "../workflows/steps/record-contract-version"

export const fcService = (c: MedusaContainer) => c.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)

/** The data sheet (ficha) now, or as it was at `asOf` (from its versions). */
export async function ficha(container: MedusaContainer, id: string, asOf?: string) {
  const service = fcService(container)
  if (asOf) {
    const at = new Date(asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf)
    const [version] = await service.listContractVersions(
      { contract_id: id, created_at: { $lte: at } },
      { order: { version: "DESC" }, take: 1 },
    )
    if (!version) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `El contrato marco ${id} no existía en esa fecha.`, "SIN_VERSION_EN_FECHA")
    }
    return { ...(version.snapshot as Record<string, unknown>), version: version.version, as_of: at.toISOString() }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "framework_contract", fields: [...FICHA_FIELDS, "version"], filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `El contrato marco ${id} no existe.`, "CONTRATO_MARCO_NO_EXISTE")
  }
  return data[0]
}

/** Exact difference of two decimal strings with up to 2 decimals (centavos), as a decimal string. */
export function priceDifference(proposed: string, previous: string | null): string | null {
  if (previous === null) {
    return null
  }
  const cents = (v: string) => {
    const [whole, frac = ""] = v.replace(/^-/, "").split(".")
    const c = BigInt(whole || "0") * 100n + BigInt((frac + "00").slice(0, 2))
    return v.startsWith("-") ? -c : c
  }
  const d = cents(proposed) - cents(previous)
  const abs = d < 0n ? -d : d
  return `${d < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`
}
