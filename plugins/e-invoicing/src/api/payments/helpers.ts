import { MedusaError } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { einvService } from "../delivery/helpers"

/** A payment request of the caller's agency; 404 for any other. */
export async function ownPaymentRequest(req: AuthorizedRequest, id: string) {
  const [row] = await einvService(req).listPaymentRequests({ id, agency_id: req.access.organization_id }, { take: 1 })
  if (!row) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "La solicitud de pago no existe o no es de tu dependencia.",
      "SOLICITUD_PAGO_NO_EXISTE",
    )
  }
  return row
}

/** The codes a payment route answers 409 / 503 with their own Spanish message. */
export const PAYMENT_DOMAIN_ERRORS = {
  conflict: ["ESTADO_CAMBIO", "PROVEEDOR_SIN_CUENTA_BANCARIA", "CFDI_NO_VIGENTE", "NOTA_CREDITO_PENDIENTE", "PAGO_POR_STRIPE"],
  unavailable: ["SAT_NO_DISPONIBLE", "SICOP_SIAFF_NO_DISPONIBLE", "STRIPE_NO_DISPONIBLE"],
} as const
