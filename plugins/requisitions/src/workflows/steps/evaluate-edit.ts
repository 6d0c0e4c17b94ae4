import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../../requisitions/authority"
import { prepareRequisition, type DeliveryAddress, type LineInput } from "./prepare-requisition"
import { reservationRelease } from "../../requisitions/release"
import { invalid, rq } from "./service"

export type EditInput = {
  requisition_id: string
  access: AccessContext
  customer_id: string
  justification?: string
  budget_key_id?: string
  delivery_place: string
  delivery_date: string
  delivery_address?: DeliveryAddress | null
  lines: LineInput[]
}

export const evaluateEditStepId = "requisitions-evaluate-edit"

/**
 * This step checks and prices an edit (read-only). Only the requester edits,
 * and only before the requisition is decided; the edit starts a new revision:
 * every approval of the old one is superseded and its reservation released,
 * so the chain restarts from the first step on the next submission.
 */
export const evaluateEditStep = createStep(evaluateEditStepId, async (input: EditInput, { container }) => {
  const [r] = await rq(container).listRequisitions({ id: input.requisition_id }, { relations: ["approval_steps"], take: 1 })
  if (!r) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${input.requisition_id} no existe.`, "REQUISICION_NO_EXISTE")
  }
  assertSameAgency(input.access, r)
  if (r.requester_person_id !== input.access.person_id) {
    invalid("SOLO_EL_SOLICITANTE", "Solo quien elaboró la requisición puede modificarla.")
  }
  if (!["draft", "returned", "pending_approval"].includes(r.status)) {
    invalid("REQUISICION_NO_MODIFICABLE", `La requisición ya no puede modificarse (estado: ${r.status}).`)
  }
  const prepared = await prepareRequisition(container, {
    access: input.access,
    customer_id: input.customer_id,
    unit_id: r.unit_id,
    justification: input.justification ?? r.justification,
    budget_key_id: input.budget_key_id ?? r.budget_key_id,
    delivery_place: input.delivery_place,
    delivery_date: input.delivery_date,
    lines: input.lines,
  })
  const open = (r.approval_steps ?? []).filter((s) => s.revision === r.revision && s.status !== "superseded")
  return new StepResponse({
    lines: { requisition_id: r.id, lines: prepared.lines },
    superseded: open.map((s) => ({ id: s.id, status: "superseded" })),
    requisition: {
      id: r.id,
      status: "draft",
      revision: r.revision + 1,
      justification: prepared.header.justification,
      budget_key_id: prepared.header.budget_key_id,
      ...(input.delivery_address !== undefined ? { delivery_address: input.delivery_address } : {}),
      subtotal: prepared.header.subtotal,
      iva: prepared.header.iva,
      total: prepared.header.total,
      reservation_id: null,
      reserved_amount: null,
      submitted_at: null,
    },
    release: reservationRelease(r, input.access.person_id),
    restarted: open.some((s) => s.status === "approved"),
    audit: {
      actor_type: input.access.actor_type,
      actor_id: input.access.person_id,
      action: "requisition.edited",
      entity_type: "requisition",
      entity_id: r.id,
      after: prepared,
      details: { number: r.number, new_revision: r.revision + 1, superseded_approvals: open.length },
    },
  })
})
