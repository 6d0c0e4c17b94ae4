import { Module } from "@medusajs/framework/utils"
import OrganizationModuleService from "./service"
import loadDefaultRolePermissions from "./loaders/default-role-permissions"

export const ORGANIZATION_MODULE = "organization"

export default Module(ORGANIZATION_MODULE, {
  service: OrganizationModuleService,
  loaders: [loadDefaultRolePermissions],
})

export { OrganizationModuleService }
