import type { MedusaContainer } from "@medusajs/framework/types"
import { TRANSPARENCY_MODULE, type TransparencyModuleService } from "../../modules/transparency"

export const tr = (container: MedusaContainer) => container.resolve<TransparencyModuleService>(TRANSPARENCY_MODULE)
