import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateSpecificContractWorkflowInput, PaymentPlan } from "@tienda/contracts/workflows"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../../requisitions/authority"
import { STATUS_ES } from "../../requisitions/cart-gate"
import { contractGroups, type ContractAward, type PlanLine } from "../../requisitions/contract-plan"
import { rq } from "./service"

export type GenerateContractsInput = {
  requisition_id: string
  access: AccessContext
  /** The caller as the contracts and the audit ledger name them. */
  actor: CreateSpecificContractWorkflowInput["actor"]
  /** Issuing unit (a purchasing unit of the caller); default: the agency's first. */
  agency_unit_id?: string | null
  /**
   * The confirmed second-stage awards of a requisition in
   * `requires_competition` (one per competed lot), from the mini-competition
   * plugin: with them the requisition is contractable, its reservation
   * carries over, and each competed lot's contract goes to the winner at the
   * winning prices. Without them the requisition must be approved.
   */
  awards?: ContractAward[] | null
  /**
   * How the agency pays every contract of this generation, chosen by its
   * Purchasing Unit: `una_exhibicion` (CFDI PUE, the default) or
   * `parcialidades_o_diferido` (PPD and a complemento de pago per payment).
   */
  payment_plan?: PaymentPlan | null
}

type OfferRow = { id: string; supplier_id: string; item_id: string }

export const evaluateContractGenerationStepId = "requisitions-evaluate-contract-generation"

/**
 * This step plans (read-only) the contracts of a requisition: one per
 * supplier and framework contract from its lines (the one rule,
 * `contractGroups`) — offers, quantities, per-line delivery dates, the
 * delivery place, the budget key and what the requisition reserved for that
 * supplier (total with IVA, the contract's ceiling). The source is the
 * requisition's approval or, for a requisition in `requires_competition`,
 * the confirmed award of every competed lot (winning supplier, winning
 * prices). Every supplier must still be eligible under the catalog's one
 * rule (PROVEEDOR_SANCIONADO, PROVEEDOR_NO_ADHERIDO…).
 */
export const evaluateContractGenerationStep = createStep(
  evaluateContractGenerationStepId,
  async (input: GenerateContractsInput, { container }) => {
    const [r] = await rq(container).listRequisitions({ id: input.requisition_id }, { relations: ["lines", "approval_steps"], take: 1 })
    if (!r) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${input.requisition_id} no existe.`, "REQUISICION_NO_EXISTE")
    }
    assertSameAgency(input.access, r)
    const awards = input.awards ?? []
    const done = r.status === "contracted" || r.status === "ordered"
    if (done) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Los contratos de la requisición ${r.number} ya se generaron.`,
        "CONTRATOS_YA_GENERADOS",
      )
    }
    if (awards.length) {
      if (r.status !== "requires_competition" || !r.reservation_id) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `La requisición ${r.number} no está en espera de segunda etapa (${STATUS_ES[r.status] ?? r.status}); una adjudicación no genera sus contratos.`,
          "REQUISICION_NO_REQUIERE_COMPETENCIA",
        )
      }
    } else {
      const steps = (r.approval_steps ?? []).filter((s) => s.revision === r.revision)
      if (r.status !== "approved" || !steps.length || steps.some((s) => s.status !== "approved") || !r.reservation_id) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          r.status === "requires_competition"
            ? `La requisición ${r.number} está ${STATUS_ES[r.status]}: sus contratos se generan desde la adjudicación confirmada (POST /store/competitions/:id/contracts).`
            : `La requisición ${r.number} no está aprobada (${STATUS_ES[r.status] ?? r.status}); sin aprobación no hay contrato.`,
          "REQUISICION_NO_APROBADA",
        )
      }
    }
    const lines = r.lines as unknown as PlanLine[]
    const competed = awards.length ? ((r.competition_lots as { lot_id: string }[] | null) ?? []).map((l) => l.lot_id) : []
    const offers: OfferRow[] = []
    for (const a of awards) {
      const fc = container.resolve("framework_contract") as { listOffers: (f: object, c: object) => Promise<OfferRow[]> }
      offers.push(
        ...(await fc.listOffers(
          { supplier_id: a.supplier_id, item_id: a.lines.map((l) => l.item_id) },
          { select: ["id", "supplier_id", "item_id"], take: null },
        )),
      )
    }
    const groups = contractGroups({ requisition_number: r.number, lines, competed_lot_ids: competed, awards, offers })
    const contracts: CreateSpecificContractWorkflowInput[] = []
    for (const group of groups) {
      const { supplier_id, contract_id } = group
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
        approved_total: group.approved_total,
        award_id: group.award?.id ?? null,
        lines: group.lines,
        delivery: { place: group.delivery_place, date: null },
        payment_plan: input.payment_plan ?? null,
        actor: input.actor,
      })
    }
    return new StepResponse({
      requisition: { id: r.id, number: r.number },
      from: awards.length ? ["requires_competition"] : ["approved"],
      awards: groups.filter((g) => g.award).map((g) => g.award!),
      contracts,
    })
  },
)
