import { Module } from "@medusajs/framework/utils"
import EfirmaModuleService from "./service"

export const EFIRMA_MODULE = "efirma"

export default Module(EFIRMA_MODULE, {
  service: EfirmaModuleService,
})

export { EfirmaModuleService }
