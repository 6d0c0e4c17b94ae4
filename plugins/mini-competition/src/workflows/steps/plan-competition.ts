import { randomBytes } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccessContext } from "@tienda/organizations/utils"
import { conflict, invalid, notFound } from "../../competition/errors"
import { fixed2 } from "../../competition/money"
import { rulesInForce, type CompetitionRules, type RuleRow } from "../../competition/rules"
import { frameworkContracts, mc, requisitions as requisitionService } from "./service"

export type PlanCompetitionInput = {
  requisition_id: string
  lot_id?: string | null
  delivery_state: string
  access: AccessContext
  at: string
}

type Line = {
  lot_id: string
  item_id: string
  item_name: string
  unspsc_code: string
  quantity: number
  iva_rate: string
  contract_id: string
}

export type PlannedCompetition = {
  number: string
  organization_id: string
  unit_id: string
  requisition_id: string
  contract_id: string
  lot_id: string
  lot_title: string
  delivery_state: string
  rules: CompetitionRules
  created_by_person_id: string
  lines: { item_id: string; item_name: string; unspsc_code: string; quantity: number; ceiling_price: string; iva_rate: string }[]
}

/**
 * This step decides (read-only) the competition a requisition in
 * `requires_competition` opens for one of its lots: the lines of that lot
 * (quantities summed per item) at the ceiling price in force, and the
 * lot's rules as a snapshot. A requisition of another agency does not exist
 * for the caller; a lot that does not require competing, a state the items
 * are not delivered to or a competition already open are refused.
 */
export const planCompetitionStepId = "mini-competition-plan-competition"
export const planCompetitionStep = createStep(planCompetitionStepId, async (input: PlanCompetitionInput, { container }) => {
  const [requisition] = await requisitionService(container).listRequisitions(
    { id: input.requisition_id },
    { relations: ["lines"], take: 1 },
  )
  if (!requisition || requisition.organization_id !== input.access.organization_id) {
    notFound("REQUISICION_NO_EXISTE", `La requisición ${input.requisition_id} no existe.`)
  }
  const lots = (requisition.competition_lots as { lot_id: string }[] | null) ?? []
  if (requisition.status !== "requires_competition" || !lots.length) {
    conflict(
      "REQUISICION_NO_REQUIERE_COMPETENCIA",
      `La requisición ${requisition.number} no está en espera de segunda etapa (estado: ${requisition.status}).`,
    )
  }
  const lotId = input.lot_id ?? (lots.length === 1 ? lots[0].lot_id : null)
  if (!lotId || !lots.some((l) => l.lot_id === lotId)) {
    invalid("LOTE_NO_REQUIERE_COMPETENCIA", "Indica el lote (lot_id) de la requisición que requiere segunda etapa.")
  }
  const existing = await mc(container).listCompetitions(
    { requisition_id: requisition.id, lot_id: lotId, status: { $ne: "deserted" } },
    { take: 1 },
  )
  if (existing.length) {
    conflict("COMPETENCIA_YA_EXISTE", `Ya hay una segunda etapa (${existing[0].number}) para este lote de la requisición.`)
  }
  const fc = frameworkContracts(container)
  const [lot] = await fc.listFrameworkLots({ id: lotId }, { take: 1 })
  const mine = (requisition.lines as Line[]).filter((l) => l.lot_id === lotId)
  const items = await fc.listFrameworkItems({ id: [...new Set(mine.map((l) => l.item_id))] }, { take: null })
  const lines = items.map((item) => {
    const of = mine.filter((l) => l.item_id === item.id)
    const states = (item.delivery_states as string[]) ?? []
    if (!states.includes(input.delivery_state)) {
      invalid(
        "ENTIDAD_SIN_COBERTURA",
        `La partida «${item.name}» no se entrega en ${input.delivery_state} (entidades: ${states.join(", ")}).`,
      )
    }
    return {
      item_id: item.id,
      item_name: item.name,
      unspsc_code: item.unspsc_code,
      quantity: of.reduce((s, l) => s + l.quantity, 0),
      ceiling_price: fixed2(item.ceiling_price),
      iva_rate: of[0].iva_rate,
    }
  })
  const at = new Date(input.at)
  const ruleRows = (await mc(container).listCompetitionRules({ lot_id: lot.id }, { take: null })) as unknown as RuleRow[]
  const planned: PlannedCompetition = {
    number: `MC-${at.getUTCFullYear()}-${randomBytes(4).toString("hex").toUpperCase()}`,
    organization_id: requisition.organization_id,
    unit_id: requisition.unit_id,
    requisition_id: requisition.id,
    contract_id: mine[0].contract_id,
    lot_id: lot.id,
    lot_title: `${lot.number} ${lot.title}`,
    delivery_state: input.delivery_state,
    rules: rulesInForce(lot, ruleRows, at),
    created_by_person_id: input.access.person_id,
    lines,
  }
  return new StepResponse(planned)
})
