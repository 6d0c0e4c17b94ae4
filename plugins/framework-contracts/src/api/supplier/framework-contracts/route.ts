import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { fcService } from "../../helpers"

/** Framework contracts the caller's company is enrolled in, with their items. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const service = fcService(req.scope)
  const enrolments = await service.listSupplierEnrolments(
    { supplier_id: req.access.organization_id },
    { relations: ["contract", "contract.lots", "contract.lots.items"], take: null },
  )
  res.json({
    framework_contracts: enrolments.map((e) => ({
      enrolment: { status: e.status, valid_from: e.valid_from, valid_until: e.valid_until },
      contract: e.contract,
    })),
  })
}
