import { Module } from "@medusajs/framework/utils"
import TransparencyModuleService from "./service"

export const TRANSPARENCY_MODULE = "transparency"

export default Module(TRANSPARENCY_MODULE, { service: TransparencyModuleService })

export { TransparencyModuleService }
