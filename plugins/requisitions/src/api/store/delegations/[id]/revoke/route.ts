import type { MedusaResponse } from "@medusajs/framework/http"
import { withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import type { StoreRevokeDelegationType } from "../../../../validators"
import { revokeDelegationWorkflow } from "../../../../../workflows/revoke-delegation"

/** Revokes a delegation I gave: my delegate stops acting for me at once. */
export const POST = async (req: AuthorizedRequest<StoreRevokeDelegationType>, res: MedusaResponse) => {
  await withDomainErrors(
    res,
    async () => {
      const { result } = await revokeDelegationWorkflow(req.scope).run({
        input: { access: req.access, delegation_id: req.params.id, reason: req.validatedBody.reason },
      })
      res.json({ delegation: result })
    },
    { conflict: ["DELEGACION_YA_REVOCADA", "DELEGACION_TERMINADA"] },
  )
}
