import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { auditActorOf } from "../../../http/audit-actor"
import { createPersonWorkflow } from "../../../workflows/create-person"
import { listPeople, retrievePerson } from "../../helpers"
import type { AdminCreatePersonType, AdminListPeopleType } from "../../validators"

export const GET = async (req: AuthorizedRequest<unknown, AdminListPeopleType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  res.json(await listPeople(req.scope, q))
}

export const POST = async (req: AuthorizedRequest<AdminCreatePersonType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createPersonWorkflow(req.scope).run({
    input: {
      ...body,
      roles: body.roles.map((r) => ({ ...r, role: r.role as never })),
      granted_by: req.access.person_id,
      actor: auditActorOf(req),
    },
  })
  res.status(201).json({ person: await retrievePerson(req.scope, result.id) })
}
