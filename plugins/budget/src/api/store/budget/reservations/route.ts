import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { auditActorOf, type AuthorizedRequest, unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { reserveBudgetWorkflow } from "../../../../workflows/reserve-budget"
import { withBudgetErrors } from "../../../helpers"
import type { StoreBudgetReserveType } from "../../../validators"

const REFERENCE_LABELS = { requisition: "requisiciones", order: "pedidos", contract: "contratos" } as const

/**
 * Sets budget aside by hand against an official document (a manual
 * reservation; header `Idempotency-Key` required, the same key returns the
 * same reservation). Reservations of requisitions, contracts and orders are
 * made by their own procedures, never here, so no reservation can claim a
 * requisition that does not exist. 409 FONDOS_INSUFICIENTES when the key's
 * disponible does not cover the amount; nothing is changed.
 */
export const POST = async (req: AuthorizedRequest<StoreBudgetReserveType>, res: MedusaResponse) => {
  const body = req.validatedBody
  if (body.reference_type !== "manual") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Las reservas de ${REFERENCE_LABELS[body.reference_type]} las hace su propio procedimiento; aquí solo se aparta presupuesto a mano (reference_type "manual") con el folio del oficio que lo respalda.`,
      "RESERVA_SOLO_MANUAL",
    )
  }
  if (!body.justification) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Una reserva manual necesita una justificación (al menos 10 caracteres) que quede en la bitácora.",
      "JUSTIFICACION_REQUERIDA",
    )
  }
  const idempotencyKey = req.get("idempotency-key")
  if (!idempotencyKey || idempotencyKey.length > 200) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Envía el encabezado Idempotency-Key (hasta 200 caracteres) para reservar presupuesto.",
      "IDEMPOTENCY_KEY_REQUERIDA",
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
        metadata: { justification: body.justification },
        // Scoped by agency so two agencies can never collide on a key.
        idempotency_key: `${req.access.organization_id}:${idempotencyKey}`,
        actor_id: req.access.person_id,
        actor: auditActorOf(req),
      },
    })
    res.status(result.replayed ? 200 : 201).json({ reservation: result })
  })
}
