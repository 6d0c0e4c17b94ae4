import { Module } from "@medusajs/framework/utils"
import loadDefaultTemplates from "./loaders/default-templates"
import SpecificContractModuleService from "./service"

export const SPECIFIC_CONTRACT_MODULE = "specific_contract"

export default Module(SPECIFIC_CONTRACT_MODULE, {
  service: SpecificContractModuleService,
  loaders: [loadDefaultTemplates],
})

export { SpecificContractModuleService }
