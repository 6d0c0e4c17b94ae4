import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateSpecificContractWorkflowInput } from "@tienda/contracts/workflows"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../../requisitions/authority"
import { STATUS_ES } from "../../requisitions/cart-gate"
import { sumAmounts } from "../../requisitions/money"
import { rq } from "./service"

export type GenerateContractsInput = {
  requisition_id: string
  access: AccessContext
  /** The caller as the contracts and the audit ledger name them. */
  actor: CreateSpecificContractWorkflowInput["actor"]
  /** Issuing unit (a purchasing unit of the caller); default: the agency's first. */
  agency_unit_id?: string | null
}

type Line = {
  offer_id: string
  variant_id: string
  supplier_id: string
  contract_id: string
  quantity: number
  total: unknown
  delivery_place: string
  delivery_date: Date | string
}

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10)

export const evaluateContractGenerationStepId = "requisitions-evaluate-contract-generation"

/**
 * This step plans (read-only) the contracts of an approved requisition: one
 * per supplier and framework contract, from the approved lines — offers,
 * quantities, per-line delivery dates, the delivery place, the budget key
 * and what the requisition approved for that supplier (total with IVA, the
 * contract's ceiling). Every supplier must still be eligible under the
 * catalog's one rule (PROVEEDOR_SANCIONADO, PROVEEDOR_NO_ADHERIDO…).
 */
export const evaluateContractGenerationStep = createStep(
  evaluateContractGenerationStepId,
  async (input: GenerateContractsInput, { container }) => {
    const [r] = await rq(container).listRequisitions({ id: input.requisition_id }, { relations: ["lines", "approval_steps"], take: 1 })
    if (!r) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${input.requisition_id} no existe.`, "REQUISICION_NO_EXISTE")
    }
    assertSameAgency(input.access, r)
    const steps = (r.approval_steps ?? []).filter((s) => s.revision === r.revision)
    if (r.status !== "approved" || !steps.length || steps.some((s) => s.status !== "approved") || !r.reservation_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        r.status === "contracted" || r.status === "ordered"
          ? `Los contratos de la requisición ${r.number} ya se generaron.`
          : `La requisición ${r.number} no está aprobada (${STATUS_ES[r.status] ?? r.status}); sin aprobación no hay contrato.`,
        r.status === "contracted" || r.status === "ordered" ? "CONTRATOS_YA_GENERADOS" : "REQUISICION_NO_APROBADA"
      )
    }
    const lines = r.lines as unknown as Line[]
    const groups = new Map<string, Line[]>()
    for (const l of lines) {
      const k = `${l.supplier_id}|${l.contract_id}`
      groups.set(k, [...(groups.get(k) ?? []), l])
    }
    const contracts: CreateSpecificContractWorkflowInput[] = []
    for (const group of groups.values()) {
      const { supplier_id, contract_id } = group[0]
      const verdict = await checkEligibility(container as never, { supplier_id, contract_id, purpose: "contract" })
      if (!verdict.eligible) {
        const reason = verdict.reasons[0]
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `No se puede contratar a este proveedor: ${reason.message}`, reason.code)
      }
      contracts.push({
        agency_id: r.organization_id,
        agency_unit_id: input.agency_unit_id ?? null,
        supplier_id,
        framework_contract_id: contract_id,
        budget_key_id: r.budget_key_id,
        requisition_id: r.id,
        approved_total: sumAmounts(group.map((l) => String(l.total))),
        lines: group.map((l) => ({ offer_id: l.offer_id, quantity: l.quantity, delivery_date: day(l.delivery_date) })),
        delivery: { place: group[0].delivery_place, date: null },
        actor: input.actor,
      })
    }
    return new StepResponse({ requisition: { id: r.id, number: r.number }, contracts })
  }
)
