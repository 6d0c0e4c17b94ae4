import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { REQUISITION_MODULE } from "../modules/requisition"
import type RequisitionModuleService from "../modules/requisition/service"

type CartLike = { id: string; items?: { variant_id?: string | null; quantity?: unknown }[] | null }

const refuse = (message: string, code: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

const STATUS_ES: Record<string, string> = {
  draft: "borrador",
  pending_approval: "en aprobación",
  returned: "devuelta para cambios",
  rejected: "rechazada",
  requires_competition: "requiere segunda etapa",
  ordered: "ya convertida en pedidos",
  cancelled: "cancelada",
}

/**
 * No order without an approved requisition: a cart can be completed only if
 * it is the cart an approved, budgeted requisition was made from (one
 * supplier) or one the server opened per supplier of such a requisition, and
 * it holds exactly the approved lines. The link
 * is our own `requisition_order` row, never client-supplied cart metadata.
 */
export async function assertCartFromApprovedRequisition(container: MedusaContainer, cart: CartLike): Promise<void> {
  const service = container.resolve<RequisitionModuleService>(REQUISITION_MODULE)
  // the cart a requisition was made from, or one the server opened per supplier
  const [link] = await service.listRequisitionOrders({ cart_id: cart.id }, { take: 1 })
  const [own] = link
    ? [null]
    : await service.listRequisitions({ cart_id: cart.id }, { order: { created_at: "DESC" }, take: 1 })
  if (!link && !own) {
    refuse(
      "Este carrito no proviene de una requisición aprobada. Elabora la requisición, envíala a aprobación y genera el pedido desde ella.",
      "REQUISICION_REQUERIDA"
    )
  }
  const requisitionId = link ? link.requisition_id : own!.id
  const [r] = await service.listRequisitions({ id: requisitionId }, { relations: ["lines", "approval_steps"], take: 1 })
  if (!r || r.status !== "approved") {
    refuse(`La requisición ${r?.number ?? ""} no está aprobada (${STATUS_ES[r?.status ?? ""] ?? r?.status}).`, "REQUISICION_NO_APROBADA")
  }
  const steps = (r.approval_steps ?? []).filter((s) => s.revision === r.revision)
  if (!steps.length || steps.some((s) => s.status !== "approved")) {
    refuse(`La requisición ${r.number} no tiene todas sus aprobaciones.`, "REQUISICION_NO_APROBADA")
  }
  if (!r.reservation_id) {
    refuse(`La requisición ${r.number} no tiene presupuesto reservado.`, "PRESUPUESTO_NO_RESERVADO")
  }
  const suppliers = new Set((r.lines ?? []).map((l) => l.supplier_id))
  if (!link && suppliers.size > 1) {
    refuse(
      `La requisición ${r.number} tiene varios proveedores: genera desde ella un pedido por proveedor.`,
      "PEDIDO_POR_PROVEEDOR"
    )
  }
  const expected = (r.lines ?? []).filter((l) => !link || l.supplier_id === link.supplier_id)
  const items = cart.items ?? []
  const same =
    items.length === expected.length &&
    expected.every((l) => items.some((i) => i.variant_id === l.variant_id && Number(i.quantity) === l.quantity))
  if (!same) {
    refuse(`El carrito ya no coincide con la requisición ${r.number} aprobada.`, "CARRITO_DIFIERE_DE_REQUISICION")
  }
}
