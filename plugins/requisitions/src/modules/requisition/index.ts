import { Module } from "@medusajs/framework/utils"
import RequisitionModuleService from "./service"

export const REQUISITION_MODULE = "requisition"

export default Module(REQUISITION_MODULE, { service: RequisitionModuleService })

export { RequisitionModuleService }
