import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { IvaTaxProviderService } from "./service"

export default ModuleProvider(Modules.TAX, { services: [IvaTaxProviderService] })
