import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { service } from "../../../specific-contracts/helpers"

/** GET /admin/contract-templates/:id — one version with its body. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const [template] = await service(req).listContractTemplates({ id: req.params.id }, { take: 1 })
  if (!template) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "La versión de plantilla no existe.", "PLANTILLA_NO_EXISTE")
  }
  res.json({ contract_template: template })
}
