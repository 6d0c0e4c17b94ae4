import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { FRAMEWORK_CONTRACT_MODULE } from "../../modules/framework_contract"
import type FrameworkContractModuleService from "../../modules/framework_contract/service"
import type { FrameworkContractsErrorCode } from "../../catalog/errors"

export const fc = (container: MedusaContainer) => container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)

export function invalid(code: FrameworkContractsErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

export function notFound(code: FrameworkContractsErrorCode, message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, message, code)
}

/**
 * Passes an exact decimal (string) to a DML bigNumber column. Medusa accepts
 * BigNumberInput (string | number | BigNumber) at runtime and keeps the exact
 * value in raw_<field>; the generated typings only say `number`.
 */
export const dec = (value: string | number): number => value as unknown as number
