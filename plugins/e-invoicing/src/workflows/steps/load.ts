import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { ContractLineTerms, PenaltyTerms } from "../../delivery/rules"
import { E_INVOICE_MODULE } from "../../modules/e-invoice"
import type EInvoiceModuleService from "../../modules/e-invoice/service"

export const einv = (container: MedusaContainer) => container.resolve<EInvoiceModuleService>(E_INVOICE_MODULE)

/** The specific contract behind an order, with the parts of its data snapshot this flow reads. */
export type ContractOfOrder = {
  order_id: string
  contract_id: string
  number: string
  supplier_id: string
  agency_id: string
  budget_key_id: string
  in_force_at: string
  subtotal: string
  total: string
  lines: ContractLineTerms[]
  penalties: PenaltyTerms
  payment_days: number
  payment_plan: "una_exhibicion" | "parcialidades_o_diferido"
  /** The parties and place as the contract names them (for the acta de entrega-recepción). */
  parties: {
    agency: { legal_name: string; rfc: string; unit: string | null }
    supplier: { legal_name: string; rfc: string }
    delivery_place: string | null
  }
}

type ContractRow = {
  id: string
  number: string
  status: string
  supplier_id: string
  agency_id: string
  budget_key_id: string
  in_force_at: string | Date | null
  subtotal: unknown
  total: unknown
  data: {
    lines: ContractLineTerms[]
    penalties?: PenaltyTerms
    payment_days?: number
    totals?: { subtotal: string; total: string }
    payment_plan?: "una_exhibicion" | "parcialidades_o_diferido"
    agency?: { legal_name: string; rfc: string; unit?: { name: string } | null }
    supplier?: { legal_name: string; rfc: string }
    delivery?: { place?: string | null }
  }
}

/**
 * The order's specific contract (module link specific_contract ↔ order), in
 * force. An order no contract released, or released for someone else, is the
 * same 404 (`notFound` names who asks: the supplier or the agency).
 */
export async function contractOfOrder(
  container: MedusaContainer,
  orderId: string,
  scope: { supplier_id?: string; agency_id?: string },
): Promise<ContractOfOrder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "specific_contract.id",
      "specific_contract.number",
      "specific_contract.status",
      "specific_contract.supplier_id",
      "specific_contract.agency_id",
      "specific_contract.budget_key_id",
      "specific_contract.in_force_at",
      "specific_contract.subtotal",
      "specific_contract.total",
      "specific_contract.data",
    ],
    filters: { id: orderId },
  })
  const c = (data[0] as { specific_contract?: ContractRow | null } | undefined)?.specific_contract
  if (
    !c ||
    c.status !== "in_force" ||
    (scope.supplier_id && c.supplier_id !== scope.supplier_id) ||
    (scope.agency_id && c.agency_id !== scope.agency_id)
  ) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "El pedido no existe o no es de tu organización.", "PEDIDO_NO_EXISTE")
  }
  return {
    order_id: orderId,
    contract_id: c.id,
    number: c.number,
    supplier_id: c.supplier_id,
    agency_id: c.agency_id,
    budget_key_id: c.budget_key_id,
    in_force_at: new Date(c.in_force_at as string).toISOString(),
    subtotal: String(c.data.totals?.subtotal ?? c.subtotal),
    total: String(c.data.totals?.total ?? c.total),
    lines: c.data.lines,
    penalties: c.data.penalties ?? { rate_per_day_percent: "0", cap_percent: "0" },
    payment_days: c.data.payment_days ?? 20,
    payment_plan: c.data.payment_plan ?? "una_exhibicion",
    parties: {
      agency: { legal_name: c.data.agency?.legal_name ?? "", rfc: c.data.agency?.rfc ?? "", unit: c.data.agency?.unit?.name ?? null },
      supplier: { legal_name: c.data.supplier?.legal_name ?? "", rfc: c.data.supplier?.rfc ?? "" },
      delivery_place: c.data.delivery?.place ?? null,
    },
  }
}

/** The order's tally by contract line (zeros before the first shipment). */
export async function tallyOf(container: MedusaContainer, orderId: string) {
  const rows = await einv(container).listDeliveryTallies({ order_id: orderId })
  return Object.fromEntries(
    rows.map((r) => [
      r.contract_line,
      {
        ordered: r.ordered_quantity,
        shipped: r.shipped_quantity,
        accepted: r.accepted_quantity,
        rejected: r.rejected_quantity,
        invoiced: r.invoiced_quantity,
      },
    ]),
  ) as Record<number, { ordered: number; shipped: number; accepted: number; rejected: number; invoiced: number }>
}
