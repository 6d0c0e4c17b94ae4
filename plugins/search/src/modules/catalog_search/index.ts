import { Module } from "@medusajs/framework/utils"
import SearchModuleService from "./service"

export const SEARCH_MODULE = "catalog_search"

export default Module(SEARCH_MODULE, {
  service: SearchModuleService,
})

export { SearchModuleService }
export * from "./types"
