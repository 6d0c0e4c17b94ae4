import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../../requisitions/authority"
import { invalid, rq } from "./service"

export type PlaceOrdersInput = { requisition_id: string; access: AccessContext; customer_id: string }

/** Payment provider of the orders: the budget provider when the region offers it. */
const PREFERRED_PROVIDERS = ["pp_budget_budget", "pp_system_default"]

/**
 * This step turns an approved requisition into one Medusa order per
 * supplier: the server opens each cart (recorded in `requisition_order`, the
 * only link the cart gate trusts), pays it with the budget reservation and
 * completes it through Medusa's own workflows. Compensation cancels the
 * orders it placed.
 */
export const openSupplierOrdersStep = createStep(
  "open-supplier-orders",
  async (input: PlaceOrdersInput, { container }) => {
    const service = rq(container)
    const [r] = await service.listRequisitions({ id: input.requisition_id }, { relations: ["lines"], take: 1 })
    if (!r) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${input.requisition_id} no existe.`, "REQUISICION_NO_EXISTE")
    }
    assertSameAgency(input.access, r)
    if (r.requester_person_id !== input.access.person_id) {
      invalid("Solo quien elaboró la requisición genera sus pedidos.", "SOLO_EL_SOLICITANTE")
    }
    if (r.status !== "approved") {
      invalid(`La requisición no está aprobada (estado: ${r.status}).`, "REQUISICION_NO_APROBADA")
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [region] } = await query.graph({
      entity: "region",
      fields: ["id", "payment_providers.id"],
      filters: { currency_code: "mxn" },
    })
    const offered = ((region?.payment_providers ?? []) as { id: string }[]).map((p) => p.id)
    const provider = PREFERRED_PROVIDERS.find((p) => offered.includes(p))
    if (!region || !provider) {
      invalid("La tienda no tiene configurado un medio de pago para pedidos con presupuesto.", "SIN_MEDIO_DE_PAGO")
    }
    const placed: { supplier_id: string; cart_id: string; order_id: string; link_id: string }[] = []
    const undo = { links: [] as string[], orders: [] as string[] }
    const suppliers = [...new Set((r.lines ?? []).map((l) => l.supplier_id))]
    try {
      for (const supplierId of suppliers) {
        const lines = (r.lines ?? []).filter((l) => l.supplier_id === supplierId)
        const { result: cart } = await createCartWorkflow(container).run({
          input: {
            region_id: region.id as string,
            customer_id: input.customer_id,
            currency_code: "mxn",
            // delivery is the supplier's, on the place and date of each line (specific contract)
            items: lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity, requires_shipping: false })),
            metadata: { requisition_number: r.number },
          },
        })
        const [link] = await service.createRequisitionOrders([{ requisition_id: r.id, supplier_id: supplierId, cart_id: cart.id }])
        undo.links.push(link.id)
        const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
        await createPaymentSessionsWorkflow(container).run({
          input: {
            payment_collection_id: (collection as unknown as { id: string }).id,
            provider_id: provider,
            customer_id: input.customer_id,
            data: { budget_key_id: r.budget_key_id, budget_reservation_id: r.reservation_id, reference_id: `${r.number}:${supplierId}` },
          },
        })
        const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
        undo.orders.push(result.id)
        await service.updateRequisitionOrders({ id: link.id, order_id: result.id })
        placed.push({ supplier_id: supplierId, cart_id: cart.id, order_id: result.id, link_id: link.id })
      }
    } catch (e) {
      await rollback(container, undo)
      throw e
    }
    return new StepResponse({ orders: placed, number: r.number }, undo)
  },
  async (undo, { container }) => {
    if (undo) {
      await rollback(container, undo)
    }
  }
)

async function rollback(container: Parameters<typeof rq>[0], undo: { links: string[]; orders: string[] }) {
  for (const id of undo.orders) {
    await cancelOrderWorkflow(container).run({ input: { order_id: id } })
  }
  if (undo.links.length) {
    await rq(container).deleteRequisitionOrders(undo.links)
  }
}
