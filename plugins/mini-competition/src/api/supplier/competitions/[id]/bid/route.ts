import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { submitBidWorkflow } from "../../../../../workflows/submit-bid"
import { withdrawBidWorkflow } from "../../../../../workflows/withdraw-bid"
import { procedureNow, withCompetitionErrors } from "../../../../helpers"
import type { SupplierBidType } from "../../../../validators"

/**
 * POST /supplier/competitions/:id/bid — submits (or replaces) the company's
 * sealed bid before the deadline. Answers with the commitment and the nonce
 * to check it; never echoes the prices.
 */
export async function POST(req: AuthorizedRequest<SupplierBidType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const { result } = await submitBidWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        supplier_id: req.access.organization_id,
        person_id: req.access.person_id,
        bid: req.validatedBody,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    res.status(201).json({ bid: result })
  })
}

/** DELETE /supplier/competitions/:id/bid — withdraws the company's live bid before the deadline. */
export async function DELETE(req: AuthorizedRequest, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const { result } = await withdrawBidWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        supplier_id: req.access.organization_id,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    res.json({ bid: { id: result.bid_id, status: "withdrawn", commitment: result.commitment } })
  })
}
