import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertOffersPurchasable } from "@tienda/framework-contracts/catalog"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../../requisitions/authority"
import { gt, sumAmounts } from "../../requisitions/money"
import { DEFAULT_POLICY_STEPS, stepsFor, type PolicyStep } from "../../requisitions/policy"
import { invalid, notFound, rq } from "./service"

export type SubmitInput = { requisition_id: string; access: AccessContext; customer_id: string }

type Line = { supplier_id: string; lot_id: string; variant_id: string; quantity: number; unspsc_code: string; subtotal: unknown }

const ACTIVE = ["pending_approval", "approved", "ordered", "requires_competition"]
const classOf = (code: string) => `${code.slice(0, 6)}00`
const fixed = (v: unknown) => MathBN.convert(String(v)).toFixed(2)
const HOUR = 3600 * 1000

export const evaluateSubmissionStepId = "requisitions-evaluate-submission"

/**
 * This step decides (read-only) how a submission is routed: which policy
 * version and steps apply to the total, whether a lot's amount requires the
 * second-stage competition, and whether the unit's recent requisitions of
 * the same UNSPSC class look like a split purchase (red flag).
 */
export const evaluateSubmissionStep = createStep(evaluateSubmissionStepId, async (input: SubmitInput, { container }) => {
  const service = rq(container)
  const now = new Date()
  const [requisition] = await service.listRequisitions({ id: input.requisition_id }, { relations: ["lines"], take: 1 })
  if (!requisition) {
    notFound("REQUISICION_NO_EXISTE", `La requisición ${input.requisition_id} no existe.`)
  }
  assertSameAgency(input.access, requisition)
  if (requisition.requester_person_id !== input.access.person_id) {
    invalid("SOLO_EL_SOLICITANTE", "Solo quien elaboró la requisición puede enviarla.")
  }
  if (!["draft", "returned"].includes(requisition.status)) {
    invalid("REQUISICION_YA_ENVIADA", `La requisición ya fue enviada (estado: ${requisition.status}).`)
  }
  const lines = requisition.lines as unknown as Line[]
  await assertOffersPurchasable(container, { customer_id: input.customer_id, lines, check_quantities: true })

  const [policy] = await service.listApprovalPolicies(
    { organization_id: requisition.organization_id, effective_from: { $lte: now } },
    { order: { version: "DESC" }, take: 1 },
  )
  const total = String(requisition.total)
  const steps: PolicyStep[] = stepsFor((policy?.steps as unknown as PolicyStep[]) ?? DEFAULT_POLICY_STEPS, total)

  // second stage: the amount of a lot (before IVA) above its threshold
  const fc = container.resolve("framework_contract") as {
    listFrameworkLots: (f: object, c: object) => Promise<{ id: string; number: number; title: string; competition_threshold: unknown }[]>
  }
  const lots = await fc.listFrameworkLots({ id: [...new Set(lines.map((l) => l.lot_id))] }, { take: null })
  const competition = lots
    .map((lot) => ({ lot, amount: sumAmounts(lines.filter((l) => l.lot_id === lot.id).map((l) => String(l.subtotal))) }))
    .filter(({ lot, amount }) => gt(amount, String(lot.competition_threshold)))
    .map(({ lot, amount }) => ({ lot_id: lot.id, lot: `${lot.number} ${lot.title}`, amount, threshold: fixed(lot.competition_threshold) }))

  // anti-splitting: same unit, same UNSPSC class, within the policy window
  const windowDays = policy?.split_window_days ?? 30
  const since = new Date(now.getTime() - windowDays * 24 * HOUR)
  const recent = await service.listRequisitions(
    { unit_id: requisition.unit_id, status: ACTIVE, submitted_at: { $gte: since }, id: { $ne: requisition.id } },
    { relations: ["lines"], take: null },
  )
  const flags: Record<string, unknown>[] = []
  for (const cls of new Set(lines.map((l) => classOf(l.unspsc_code)))) {
    const mine = lines.filter((l) => classOf(l.unspsc_code) === cls)
    const threshold = lots
      .filter((lot) => mine.some((l) => l.lot_id === lot.id))
      .map((lot) => fixed(lot.competition_threshold))
      .reduce((min, t) => (MathBN.lt(MathBN.convert(t), MathBN.convert(min)) ? t : min))
    const own = sumAmounts(mine.map((l) => String(l.subtotal)))
    const others = recent.filter((r) => (r.lines as unknown as Line[]).some((l) => classOf(l.unspsc_code) === cls))
    const cumulative = sumAmounts([
      own,
      ...others.flatMap((r) => (r.lines as unknown as Line[]).filter((l) => classOf(l.unspsc_code) === cls).map((l) => String(l.subtotal))),
    ])
    if (others.length && !gt(own, threshold) && gt(cumulative, threshold)) {
      flags.push({
        kind: "posible_fraccionamiento",
        message: `Posible fraccionamiento: en ${windowDays} días la unidad suma ${cumulative} MXN (sin IVA) en la clase UNSPSC ${cls}, por encima del umbral de ${threshold} MXN.`,
        unspsc_class: cls,
        window_days: windowDays,
        cumulative,
        threshold,
        requisitions: others.map((r) => r.number),
      })
    }
  }

  const revision = requisition.revision
  return new StepResponse({
    requisition: {
      id: requisition.id,
      number: requisition.number,
      organization_id: requisition.organization_id,
      unit_id: requisition.unit_id,
      budget_key_id: requisition.budget_key_id,
      revision,
      total,
    },
    status: competition.length ? ("requires_competition" as const) : ("pending_approval" as const),
    policy: { id: policy?.id ?? null, version: policy?.version ?? 0 },
    approval_steps: competition.length
      ? []
      : steps.map((s) => ({
          requisition_id: requisition.id,
          revision,
          sequence: s.sequence,
          role: s.role,
          escalate_to_role: s.escalate_to_role ?? null,
          due_at: new Date(now.getTime() + s.sla_hours * HOUR),
        })),
    competition,
    flags,
    reservation_key: `requisition:${requisition.id}:r${revision}`,
    submitted_at: now,
  })
})
