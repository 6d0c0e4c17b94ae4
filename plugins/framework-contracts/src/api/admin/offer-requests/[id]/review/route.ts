import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { reviewOfferRequestWorkflow } from "../../../../../workflows/review-offer-request"
import type { AdminReviewOfferRequestType } from "../../../../validators"

export const POST = async (req: AuthorizedRequest<AdminReviewOfferRequestType>, res: MedusaResponse) => {
  const { result } = await reviewOfferRequestWorkflow(req.scope).run({
    input: {
      request_id: req.params.id,
      decision: req.validatedBody.decision,
      reason: req.validatedBody.reason ?? null,
      reviewer: req.access.person_id,
      at: new Date().toISOString(),
      actor: auditActorOf(req),
    },
  })
  res.json({ offer_request: result })
}
