import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { actorOf, service } from "../../specific-contracts/helpers"
import type { CreateContractTemplateType, ListContractTemplatesType } from "../../specific-contracts/validators"
import { createContractTemplateWorkflow } from "../../../workflows/specific-contracts"

const FIELDS = ["id", "code", "kind", "version", "title", "effective_from", "created_by", "used_at", "created_at"]

/** GET /admin/contract-templates — every version (newest first), without bodies. */
export const GET = async (req: MedusaRequest<unknown, ListContractTemplatesType>, res: MedusaResponse) => {
  const { limit, offset, code } = req.validatedQuery
  const [templates, count] = await service(req).listAndCountContractTemplates(code ? { code } : {}, {
    select: FIELDS,
    order: { code: "ASC", version: "DESC" },
    skip: offset,
    take: limit,
  })
  res.json({ contract_templates: templates, count, limit, offset })
}

/** POST /admin/contract-templates — a new version of a template; it supersedes the previous one from effective_from. */
export const POST = async (req: MedusaRequest<CreateContractTemplateType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createContractTemplateWorkflow(req.scope).run({ input: { ...body, actor: actorOf(req) } })
  res.status(201).json({ contract_template: result })
}
