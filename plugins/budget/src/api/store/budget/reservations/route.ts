import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { auditActorOf, type AuthorizedRequest, unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { reserveBudgetWorkflow } from "../../../../workflows/reserve-budget"
import { withBudgetErrors } from "../../../helpers"
import type { StoreBudgetReserveType } from "../../../validators"

/**
 * Reserves budget for a requisition (header `Idempotency-Key` required; the
 * same key returns the same reservation). 409 FONDOS_INSUFICIENTES when the
 * key's disponible does not cover the amount; nothing is changed.
 */
export const POST = async (req: AuthorizedRequest<StoreBudgetReserveType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const idempotencyKey = req.get("idempotency-key")
  if (!idempotencyKey || idempotencyKey.length > 200) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Envía el encabezado Idempotency-Key (hasta 200 caracteres) para reservar presupuesto.",
      "IDEMPOTENCY_KEY_REQUERIDA"
    )
  }
  await withBudgetErrors(res, async () => {
    const { result } = await reserveBudgetWorkflow(req.scope).run({
      input: {
        budget_key_id: body.budget_key_id,
        organization_id: req.access.organization_id,
        unit_ids: unitsWithPermission(req.access, PERMISSIONS.BUDGET_RESERVE),
        amount: body.amount,
        reference_type: body.reference_type,
        reference_id: body.reference_id,
        // Scoped by agency so two agencies can never collide on a key.
        idempotency_key: `${req.access.organization_id}:${idempotencyKey}`,
        actor_id: req.access.person_id,
        actor: auditActorOf(req),
      },
    })
    res.status(result.replayed ? 200 : 201).json({ reservation: result })
  })
}
