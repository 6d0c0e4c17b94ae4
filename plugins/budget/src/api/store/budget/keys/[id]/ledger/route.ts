import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type AuthorizedRequest, unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { keyInScope, presentKey } from "../../../../../helpers"
import { toCentavos } from "../../../../../../utils/money"
import type { ListLedgerType } from "../../../../../validators"

/** The ledger of one key of the caller's agency, newest first. */
export const GET = async (req: AuthorizedRequest<unknown, ListLedgerType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const id = req.params.id as string
  const key = await keyInScope(req.scope, req.access, id, unitsWithPermission(req.access, PERMISSIONS.BUDGET_LEDGER_READ))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "budget_movement",
    fields: [
      "id",
      "type",
      "from_stage",
      "to_stage",
      "amount",
      "currency_code",
      "parent_id",
      "reference_type",
      "reference_id",
      "idempotency_key",
      "actor_id",
      "external_ref",
      "metadata",
      "created_at",
    ],
    filters: { budget_key_id: key.id },
    pagination: { skip: q.offset, take: q.limit, order: { created_at: "DESC" } },
  })
  res.json({
    budget_key: presentKey(key as never),
    movements: data.map((m) => ({ ...m, amount: toCentavos(m.amount) })),
    count: metadata?.count ?? data.length,
    offset: q.offset,
    limit: q.limit,
  })
}
