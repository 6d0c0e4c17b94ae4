import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { REQUISITION_MODULE } from "../modules/requisition"
import type RequisitionModuleService from "../modules/requisition/service"

type CartLike = { id: string; items?: { variant_id?: string | null; quantity?: unknown }[] | null }

/** Code first, then the Spanish message (docs/conventions.md, errors). */
const refuse = (code: string, message: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

export const STATUS_ES: Record<string, string> = {
  draft: "borrador",
  pending_approval: "en aprobación",
  returned: "devuelta para cambios",
  rejected: "rechazada",
  approved: "aprobada",
  requires_competition: "en espera de la segunda etapa de competencia",
  contracted: "con contratos en firma",
  ordered: "con pedidos liberados",
  cancelled: "cancelada",
}

/**
 * No order from a cart: the buyer's cart becomes a requisition; once it is
 * approved, its specific contracts are generated, and each contract releases
 * its order when both parties have signed it. Completing a cart is refused —
 * with the reason of the requisition it was made from, if any.
 */
export async function assertCartFromApprovedRequisition(container: MedusaContainer, cart: CartLike): Promise<void> {
  const service = container.resolve<RequisitionModuleService>(REQUISITION_MODULE)
  const [r] = await service.listRequisitions({ cart_id: cart.id }, { order: { created_at: "DESC" }, take: 1 })
  if (!r) {
    refuse(
      "REQUISICION_REQUERIDA",
      "Este carrito no proviene de una requisición aprobada. Elabora la requisición, envíala a aprobación y genera los contratos desde ella.",
    )
  }
  if (r.status !== "approved" && r.status !== "contracted" && r.status !== "ordered") {
    refuse("REQUISICION_NO_APROBADA", `La requisición ${r.number} no está aprobada (${STATUS_ES[r.status] ?? r.status}).`)
  }
  refuse(
    "PEDIDO_SOLO_DESDE_CONTRATO",
    `El pedido de la requisición ${r.number} lo libera su contrato específico cuando ambas partes lo firman; genera los contratos desde la requisición.`,
  )
}
