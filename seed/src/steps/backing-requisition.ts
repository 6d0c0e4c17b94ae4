import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reserveBudgetWorkflow } from "@tienda/budget/workflows"
import { IVA_RATE, lineAmounts, sumAmounts, type IvaTreatment } from "@tienda/contracts/specific-contract/money"

type RequisitionService = {
  createRequisitions: (rows: object[]) => Promise<{ id: string }[]>
  updateRequisitions: (row: object) => Promise<unknown>
  deleteRequisitions: (id: string) => Promise<unknown>
}

export type BackingRequisitionInput = {
  number: string
  agency_id: string
  unit_id: string
  requester_person_id: string
  budget_key_id: string
  offers: { offer_id: string; quantity: number; delivery_date?: string | null }[]
  delivery_place: string
  delivery_date: string
}

/**
 * A requisition as the requisitions plugin leaves it once approved and its
 * contracts generated (status `contracted`, its total with IVA reserved on
 * the key), for demo data and for tests of the contracts capability that
 * issue a contract directly: a contract only comes into force (commitment,
 * order) against a real requisition and its reservation (ADR 0010).
 */
export async function backingRequisition(container: MedusaContainer, input: BackingRequisitionInput) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: offers } = await query.graph({
    entity: "offer",
    fields: [
      "id",
      "variant_id",
      "supplier_id",
      "price",
      "item.id",
      "item.name",
      "item.unspsc_code",
      "item.iva_treatment",
      "item.lot_id",
      "item.lot.contract_id",
    ],
    filters: { id: input.offers.map((o) => o.offer_id) },
  })
  const lines = input.offers.map((o) => {
    const offer = offers.find((x) => x.id === o.offer_id)!
    const item = offer.item as unknown as {
      id: string
      name: string
      unspsc_code: string
      iva_treatment: string
      lot_id: string
      lot: { contract_id: string }
    }
    const treatment = item.iva_treatment as IvaTreatment
    const amounts = { iva_rate: IVA_RATE[treatment], ...lineAmounts(String(offer.price), o.quantity, treatment) }
    return {
      offer_id: offer.id as string,
      variant_id: offer.variant_id as string,
      supplier_id: offer.supplier_id as string,
      contract_id: item.lot.contract_id,
      lot_id: item.lot_id,
      item_id: item.id,
      item_name: item.name,
      unspsc_code: item.unspsc_code,
      quantity: o.quantity,
      unit_price: String(offer.price),
      ...amounts,
      delivery_place: input.delivery_place,
      delivery_date: new Date(o.delivery_date ?? input.delivery_date),
    }
  })
  const { subtotal, iva, total } = sumAmounts(lines)
  // the requisitions plugin (layer 2) is reached through the container: the seed does not depend on it
  const service = container.resolve<RequisitionService>("requisition")
  const [r] = await service.createRequisitions([
    {
      number: input.number,
      organization_id: input.agency_id,
      unit_id: input.unit_id,
      requester_person_id: input.requester_person_id,
      status: "contracted",
      justification: "Requisición aprobada que respalda el contrato de demostración",
      budget_key_id: input.budget_key_id,
      subtotal,
      iva,
      total,
      submitted_at: new Date(),
      decided_at: new Date(),
      lines,
    },
  ])
  const reservationKey = `requisition:${r.id}:r1`
  const reserved = reserveBudgetWorkflow(container).run({
    input: {
      budget_key_id: input.budget_key_id,
      organization_id: input.agency_id,
      unit_ids: null,
      amount: total,
      reference_type: "requisition",
      reference_id: r.id,
      idempotency_key: reservationKey,
      actor_id: input.requester_person_id,
    },
  })
  // no requisition without its reservation: a refused or failed reservation takes the row back
  const { result: reservation } = await reserved.catch(async (e: Error) => {
    await service.deleteRequisitions(r.id)
    throw e
  })
  await service.updateRequisitions({ id: r.id, reservation_key: reservationKey, reservation_id: reservation.id, reserved_amount: total })
  return { id: r.id as string, number: input.number, total }
}
