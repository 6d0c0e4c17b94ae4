import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { createSanctionsWorkflow } from "../../../workflows/create-sanctions"
import type { SanctionInput } from "../../../workflows/steps/create-sanctions"
import { fcService } from "../../helpers"

export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const sanctions = await fcService(req.scope).listSanctions({}, { order: { starts_on: "DESC" }, take: 500 })
  res.json({ sanctions })
}

export const POST = async (req: AuthorizedRequest<{ sanctions: SanctionInput[] }>, res: MedusaResponse) => {
  const { result } = await createSanctionsWorkflow(req.scope).run({
    input: {
      sanctions: req.validatedBody.sanctions.map((s: SanctionInput) => ({ ...s, source: `manual:${req.access.person_id}` })),
      actor: auditActorOf(req),
    },
  })
  res.status(201).json(result)
}
