import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { recordShipmentWorkflow } from "../../../../../workflows/record-shipment"
import { contractOfOrder } from "../../../../../workflows/steps/load"
import { einvService } from "../../../../delivery/helpers"
import type { SupplierRecordShipmentType } from "../../../../delivery/validators"

/** GET /supplier/orders/:id/shipments — my shipments of this order, with their receptions' outcome. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  await contractOfOrder(req.scope, req.params.id, { supplier_id: req.access.organization_id })
  const service = einvService(req)
  const shipments = await service.listShipments(
    { order_id: req.params.id, supplier_id: req.access.organization_id },
    { relations: ["lines"], order: { created_at: "ASC" } },
  )
  const receptions = await service.listReceptions({ order_id: req.params.id }, { relations: ["lines"] })
  res.json({ shipments: shipments.map((s) => ({ ...s, reception: receptions.find((r) => r.shipment_id === s.id) ?? null })) })
}

/** POST /supplier/orders/:id/shipments — I announce a delivery: lines, quantities, delivery note. */
export async function POST(req: AuthorizedRequest<SupplierRecordShipmentType>, res: MedusaResponse) {
  const { result } = await recordShipmentWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      supplier_id: req.access.organization_id,
      person_id: req.access.person_id,
      actor: auditActorOf(req),
      delivery_note: req.validatedBody.delivery_note,
      lines: req.validatedBody.lines,
    },
  })
  res.status(201).json({ shipment: result })
}
