import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { ficha } from "../../../helpers"
import type { AdminGetContractType } from "../../../validators"

/** The data sheet now, or `?as_of=YYYY-MM-DD` as it was then. */
export const GET = async (req: AuthorizedRequest<unknown, AdminGetContractType>, res: MedusaResponse) => {
  const { as_of } = req.validatedQuery
  res.json({ framework_contract: await ficha(req.scope, req.params.id, as_of) })
}
