import { Module } from "@medusajs/framework/utils"
import FrameworkContractModuleService from "./service"

export const FRAMEWORK_CONTRACT_MODULE = "framework_contract"

export default Module(FRAMEWORK_CONTRACT_MODULE, {
  service: FrameworkContractModuleService,
})

export { FrameworkContractModuleService }
