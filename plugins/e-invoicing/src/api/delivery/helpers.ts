import { MedusaError } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { E_INVOICE_MODULE } from "../../modules/e-invoice"
import type EInvoiceModuleService from "../../modules/e-invoice/service"

export const einvService = (req: AuthorizedRequest) => req.scope.resolve<EInvoiceModuleService>(E_INVOICE_MODULE)

/** The unit the Reception Manager receives in (the first unit the role holds; null when agency-wide). */
export function receivingUnit(req: AuthorizedRequest): string | null {
  const units = req.access.permission_units[P.RECEPTION_RECORD]
  return units?.length ? units[0] : null
}

/** A reception of the caller's agency, with its lines; 404 for any other. */
export async function ownReception(req: AuthorizedRequest, id: string) {
  const [row] = await einvService(req).listReceptions({ id, agency_id: req.access.organization_id }, { relations: ["lines"], take: 1 })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "La recepción no existe o no es de tu dependencia.", "RECEPCION_NO_EXISTE")
  }
  return row
}
