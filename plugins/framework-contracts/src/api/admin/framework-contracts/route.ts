import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { createFrameworkContractWorkflow } from "../../../workflows/create-framework-contract"
import { fcService, ficha } from "../../helpers"
import type { AdminCreateFrameworkContractType, AdminListContractsType } from "../../validators"

export const GET = async (req: AuthorizedRequest<unknown, AdminListContractsType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery
  const [contracts, count] = await fcService(req.scope).listAndCountFrameworkContracts(status ? { status: status as never } : {}, {
    skip: offset,
    take: limit,
    order: { number: "ASC" },
  })
  res.json({ framework_contracts: pickFields(req, contracts), count, offset, limit })
}

export const POST = async (req: AuthorizedRequest<AdminCreateFrameworkContractType>, res: MedusaResponse) => {
  const { result } = await createFrameworkContractWorkflow(req.scope).run({
    input: { ...req.validatedBody, recorded_by: req.access.person_id, actor: auditActorOf(req) },
  })
  res.status(201).json({ framework_contract: await ficha(req.scope, result.id) })
}
