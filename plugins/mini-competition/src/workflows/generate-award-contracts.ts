import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "@tienda/contracts/modules/specific-contract"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import type { AccessContext } from "@tienda/organizations/utils"
import type { ContractAward } from "@tienda/requisitions/requisitions"
import { generateRequisitionContractsWorkflow, type GenerateRequisitionContractsWorkflowInput } from "@tienda/requisitions/workflows"
import { conflict } from "../competition/errors"
import { MINI_COMPETITION_MODULE } from "../modules/mini_competition"
import type { Award } from "./steps/award-data"
import { ownCompetition } from "./steps/own-competition"
import { mc } from "./steps/service"

export type GenerateAwardContractsWorkflowInput = {
  competition_id: string
  access: AccessContext
  /** The caller as the contracts and the audit ledger name them. */
  actor: GenerateRequisitionContractsWorkflowInput["actor"]
  agency_unit_id?: string | null
  /** The agency's payment plan for the award's contracts (see the requisition's generation). */
  payment_plan?: GenerateRequisitionContractsWorkflowInput["payment_plan"]
}

/** A confirmed award as contract generation takes it: the winner and each item at the winning price. */
export function contractAwardOf(competitionId: string, award: Award): ContractAward {
  return {
    id: competitionId,
    number: award.number,
    lot_id: award.lot_id,
    contract_id: award.contract_id,
    supplier_id: award.supplier_id,
    lines: award.lines.map((l) => ({ item_id: l.item_id, quantity: l.quantity, unit_price: l.unit_price })),
  }
}

export const planAwardContractsStepId = "mini-competition-plan-award-contracts"
/**
 * This step checks (read-only) that the competition — of the caller's
 * agency, else 404 — holds an award the winner confirmed
 * (ADJUDICACION_NO_CONFIRMADA otherwise) and comes from a requisition, and
 * gathers the confirmed awards of every competition of that requisition
 * (one per competed lot), this one first.
 */
export const planAwardContractsStep = createStep(
  planAwardContractsStepId,
  async (input: GenerateAwardContractsWorkflowInput, { container }) => {
    const competition = await ownCompetition(container, input.competition_id, input.access.organization_id)
    const award = competition.award as unknown as Award | null
    if (competition.status !== "awarded" || !award?.accepted_at) {
      conflict(
        "ADJUDICACION_NO_CONFIRMADA",
        `La adjudicación de la segunda etapa ${competition.number} no está confirmada por el proveedor ganador (estado: ${competition.status}); sin confirmación no hay contrato.`,
      )
    }
    if (!competition.requisition_id) {
      conflict(
        "CONTRATO_SOLO_DESDE_REQUISICION",
        `La segunda etapa ${competition.number} no proviene de una requisición; el contrato se genera desde una requisición.`,
      )
    }
    const others = await mc(container).listCompetitions(
      { requisition_id: competition.requisition_id, status: "awarded", id: { $ne: competition.id } },
      { take: null, order: { awarded_at: "ASC" } },
    )
    const awarded = [competition, ...others]
    return new StepResponse({
      competition: { id: competition.id, number: competition.number, requisition_id: competition.requisition_id as string },
      award,
      competition_ids: awarded.map((c) => c.id),
      awards: awarded.map((c) => contractAwardOf(c.id, c.award as unknown as Award)),
    })
  },
)

export const generateAwardContractsWorkflowId = "mini-competition-generate-award-contracts"
/**
 * This workflow feeds a confirmed award into the contract-bound path: the
 * requisition's own generation workflow (requisitions plugin — one home for
 * the rules: numbering, template, IVA per line, limits, eligibility, the
 * guarded `requires_competition → contracted` move, links, notifications)
 * runs with the confirmed awards as its source, so the winner's specific
 * contract carries the winning bid's prices and draws on the requisition's
 * reservation. Then each competition is linked to its contract and the
 * ledger records the savings against the ceilings. Signing by both parties
 * releases the order exactly as for any requisition.
 */
export const generateAwardContractsWorkflow = createWorkflow(
  generateAwardContractsWorkflowId,
  (input: WorkflowData<GenerateAwardContractsWorkflowInput>) => {
    const plan = planAwardContractsStep(input)
    const contracts = generateRequisitionContractsWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        requisition_id: plan.competition.requisition_id,
        access: input.access,
        actor: input.actor,
        agency_unit_id: input.agency_unit_id ?? null,
        payment_plan: input.payment_plan ?? null,
        awards: plan.awards,
      })),
    })
    // generation issues the awarded contracts first, in the order of `awards`
    createRemoteLinkStep(
      transform({ plan, contracts }, ({ plan, contracts }) =>
        plan.competition_ids.map((id, i) => ({
          [MINI_COMPETITION_MODULE]: { competition_id: id },
          [SPECIFIC_CONTRACT_MODULE]: { specific_contract_id: contracts[i].id },
        })),
      ),
    ).config({ name: "link-competition-contract" })
    appendAuditEntryStep(
      transform({ input, plan, contracts }, ({ input, plan, contracts }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "competition.contract_generated",
        entity_type: "competition",
        entity_id: plan.competition.id,
        after: { specific_contract_id: contracts[0].id, total: contracts[0].total },
        details: {
          number: plan.competition.number,
          contract: contracts[0].number,
          supplier_id: plan.award.supplier_id,
          subtotal: plan.award.subtotal,
          savings: plan.award.savings,
          requisition_id: plan.competition.requisition_id,
        },
      })),
    )
    return new WorkflowResponse(
      transform({ plan, contracts }, ({ plan, contracts }) => ({
        competition_id: plan.competition.id,
        requisition_id: plan.competition.requisition_id,
        contracts,
      })),
    )
  },
)
