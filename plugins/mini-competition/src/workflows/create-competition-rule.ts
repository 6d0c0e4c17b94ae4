import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { conflict, invalid, notFound } from "../competition/errors"
import { weightsProblem, type EvaluationMethod, type PointsWeights, type RuleRow } from "../competition/rules"
import { frameworkContracts, mc } from "./steps/service"

/** A rule row as asked for (the stored row's fields), by whom and when. */
export type CreateCompetitionRuleWorkflowInput = Omit<
  RuleRow,
  "id" | "effective_from" | "sme_preferences" | "method" | "weights" | "max_reinvite_rounds"
> & {
  effective_from: string
  sme_preferences: { tie_break: boolean; reserved: boolean; bonus_points: number }
  method: EvaluationMethod
  /** `points` only (whole points adding up to 100). */
  weights: PointsWeights | null
  max_reinvite_rounds: number
  person_id: string
  actor: AuditActor
  /** Now, by the procedure's clock. */
  at: string
}

export const createCompetitionRuleStepId = "mini-competition-create-competition-rule"
/**
 * This step records a lot's rules from `effective_from` on. A rule never
 * takes effect in the past (VIGENCIA_RETROACTIVA): what was in force for a
 * published competition stays so. Its compensation deletes the row.
 */
export const createCompetitionRuleStep = createStep(
  createCompetitionRuleStepId,
  async (input: CreateCompetitionRuleWorkflowInput, { container }) => {
    const [lot] = await frameworkContracts(container).listFrameworkLots({ id: input.lot_id }, { take: 1 })
    if (!lot) {
      notFound("LOTE_NO_EXISTE", `El lote ${input.lot_id} no existe.`)
    }
    const from = new Date(input.effective_from)
    if (from.getTime() < new Date(input.at).getTime()) {
      invalid("VIGENCIA_RETROACTIVA", "Las reglas no pueden entrar en vigor en el pasado: indica una fecha de vigencia a partir de ahora.")
    }
    if (input.method === "points" && weightsProblem(input.weights)) {
      invalid("PONDERACIONES_NO_VALIDAS", weightsProblem(input.weights)!)
    }
    const same = await mc(container).listCompetitionRules({ lot_id: lot.id, effective_from: from }, { take: 1 })
    if (same.length) {
      conflict("REGLA_YA_EXISTE", "El lote ya tiene reglas que entran en vigor en esa misma fecha.")
    }
    const { person_id, actor: _actor, at: _at, ...values } = input
    const row = await mc(container).createCompetitionRules({ ...values, effective_from: from, created_by_person_id: person_id })
    return new StepResponse({ ...row, lot_title: `${lot.number} ${lot.title}` }, row.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) {
      await mc(container).deleteCompetitionRules(id)
    }
  },
)

export const createCompetitionRuleWorkflowId = "mini-competition-create-rule"
/**
 * This workflow sets a lot's second-stage rules as effective-dated data
 * (minimum invitees and valid bids, what fewer valid bids mean, the bid and
 * confirmation windows in business days, the abnormally-low floor, SME
 * preferences, with their legal citation) and records it in the ledger.
 * Competitions snapshot the rules in force when their bidding opens.
 */
export const createCompetitionRuleWorkflow = createWorkflow(
  createCompetitionRuleWorkflowId,
  (input: WorkflowData<CreateCompetitionRuleWorkflowInput>) => {
    const rule = createCompetitionRuleStep(input)
    appendAuditEntryStep(
      transform({ input, rule }, ({ input, rule }) =>
        auditDraft(input.actor, "mini-competition", {
          action: "competition_rule.created",
          entity_type: "competition_rule",
          entity_id: rule.id,
          after: { ...rule },
          details: { lot_id: input.lot_id, lot: rule.lot_title, effective_from: input.effective_from, citation: input.citation },
        }),
      ),
    )
    return new WorkflowResponse(rule)
  },
)
