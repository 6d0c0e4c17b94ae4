import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { createSanctionsWorkflow } from "../../../workflows/create-sanctions"
import { fcService } from "../../helpers"
import type { AdminCreateSanctionsType } from "../../validators"

export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const sanctions = await fcService(req.scope).listSanctions({}, { order: { starts_on: "DESC" }, take: 500 })
  res.json({ sanctions })
}

export const POST = async (req: AuthorizedRequest<AdminCreateSanctionsType>, res: MedusaResponse) => {
  const { result } = await createSanctionsWorkflow(req.scope).run({
    input: {
      sanctions: req.validatedBody.sanctions.map((s) => ({ ...s, source: `manual:${req.access.person_id}` })),
      actor: auditActorOf(req),
    },
  })
  res.status(201).json(result)
}
