import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { submitOfferRequestWorkflow } from "../../../workflows/submit-offer-request"
import { fcService } from "../../helpers"
import type { SupplierSubmitOfferRequestType } from "../../validators"

export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const requests = await fcService(req.scope).listOfferRequests(
    { supplier_id: req.access.organization_id },
    { order: { created_at: "DESC" }, take: 200 },
  )
  res.json({ offer_requests: requests })
}

/** A new offer or a price change, for SHCP review; always for the caller's own company. */
export const POST = async (req: AuthorizedRequest<SupplierSubmitOfferRequestType>, res: MedusaResponse) => {
  const { result } = await submitOfferRequestWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      supplier_id: req.access.organization_id,
      requested_by: req.access.person_id,
      actor: auditActorOf(req),
    },
  })
  res.status(201).json({ offer_request: result })
}
