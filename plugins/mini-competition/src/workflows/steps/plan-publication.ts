import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { bidDeadline } from "../../competition/business-days"
import { conflict } from "../../competition/errors"
import type { MedusaContainer } from "@medusajs/framework/types"
import { rulesInForce, type CompetitionRules, type RuleRow } from "../../competition/rules"
import { assertDeclared } from "./integrity"
import { ownCompetition } from "./own-competition"
import { frameworkContracts, mc } from "./service"

type OrganizationReader = { listOrganizations: (f: object, c: object) => Promise<{ id: string; sme_size?: string | null }[]> }

export type PlanPublicationInput = { competition_id: string; organization_id: string; person_id: string; at: string }

export type PlannedInvitation = { supplier_id: string; status: "invited" | "not_eligible"; reasons: { code: string; message: string }[] }

/**
 * Every supplier enrolled in the lot's framework contract, each `invited`
 * when eligible at `at` (enrolment in force, not sanctioned, SME when the
 * lot is reserved) and holding an active offer of the lot delivered to the
 * competition's state, else `not_eligible` with the reasons. Used at the
 * publication and again when too few valid bids re-invite.
 */
export async function planInvitations(
  container: MedusaContainer,
  competition: { contract_id: string; lot_id: string; delivery_state: string },
  rules: CompetitionRules,
  at: Date,
): Promise<PlannedInvitation[]> {
  const fc = frameworkContracts(container)
  const enrolments = await fc.listSupplierEnrolments({ contract_id: competition.contract_id }, { take: null })
  const organizations = container.resolve<OrganizationReader>("organization")
  const sizes = rules.sme_reserved
    ? new Map(
        (
          await organizations.listOrganizations({ id: enrolments.map((e) => e.supplier_id) }, { select: ["id", "sme_size"], take: null })
        ).map((o) => [o.id, o.sme_size ?? null]),
      )
    : null
  const items = await fc.listFrameworkItems({ lot_id: competition.lot_id }, { take: null })
  const offers = items.length ? await fc.listOffers({ item_id: items.map((i) => i.id), status: "active" }, { take: null }) : []
  const invitations: PlannedInvitation[] = []
  for (const supplier_id of [...new Set(enrolments.map((e) => e.supplier_id))].sort()) {
    const eligibility = await checkEligibility(container, { supplier_id, contract_id: competition.contract_id, purpose: "invite", at })
    const reasons = [...eligibility.reasons]
    const serves = offers.some(
      (o) =>
        o.supplier_id === supplier_id &&
        Object.keys((o.delivery_days as Record<string, number>) ?? {}).includes(competition.delivery_state),
    )
    if (sizes && !["micro", "pequena", "mediana"].includes(sizes.get(supplier_id) ?? "")) {
      reasons.push({
        code: "LOTE_RESERVADO_MIPYME",
        message: "Las reglas de esta segunda etapa la reservan a micro, pequeñas y medianas empresas.",
      })
    }
    if (!serves) {
      reasons.push({
        code: "SIN_OFERTA_EN_LA_ENTIDAD",
        message: `El proveedor no tiene una oferta vigente del lote con entrega en ${competition.delivery_state}.`,
      })
    }
    invitations.push({ supplier_id, status: reasons.length ? "not_eligible" : "invited", reasons })
  }
  return invitations
}

/**
 * This step decides (read-only) who is invited: every supplier enrolled in
 * the lot's framework contract is considered — never a hand-picked subset —
 * and invited when eligible now (enrolment in force, not sanctioned) and
 * holding an active offer of an item of the lot delivered to the
 * competition's state; the others are recorded with their reasons. Fewer
 * invited than the rules' minimum refuses the publication. The rules in
 * force now (the lot's effective-dated rule row, else its fields and the
 * defaults) are snapshotted for good: a later change never alters the
 * competition; a lot reserved to SMEs invites only SMEs. The deadline is
 * the rules' window in Mexican business days from now. The publishing
 * official must have signed the integrity declaration on it.
 */
export const planPublicationStepId = "mini-competition-plan-publication"
export const planPublicationStep = createStep(planPublicationStepId, async (input: PlanPublicationInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, input.organization_id)
  if (competition.status !== "draft") {
    conflict("COMPETENCIA_NO_EN_BORRADOR", `La segunda etapa ${competition.number} ya fue publicada (estado: ${competition.status}).`)
  }
  await assertDeclared(container, competition, "official", input)
  const at = new Date(input.at)
  const fc = frameworkContracts(container)
  // the rules in force when the bidding opens are the competition's for good
  const [lot] = await fc.listFrameworkLots({ id: competition.lot_id }, { take: 1 })
  const ruleRows = (await mc(container).listCompetitionRules({ lot_id: competition.lot_id }, { take: null })) as unknown as RuleRow[]
  const rules = rulesInForce(lot, ruleRows, at)
  const invitations = await planInvitations(container, competition, rules, at)
  const invited = invitations.filter((i) => i.status === "invited").length
  if (invited < rules.min_invitees) {
    conflict(
      "INVITADOS_INSUFICIENTES",
      `Solo ${invited} proveedor(es) elegible(s) del lote atienden ${competition.delivery_state}; las reglas exigen invitar al menos a ${rules.min_invitees}. No se publicó la segunda etapa.`,
    )
  }
  return new StepResponse({
    competition_id: competition.id,
    number: competition.number,
    invitations,
    rules,
    published_at: at,
    bid_deadline: bidDeadline(at, rules.bid_window_business_days),
  })
})
