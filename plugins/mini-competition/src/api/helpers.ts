import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { withDomainErrors } from "@tienda/organizations/http"
import { CONFLICT_CODES } from "../competition/errors"
import { integrityTextInForce, type IntegritySide } from "../competition/integrity"
import { fixed2 } from "../competition/money"
import { awardAcceptancePayload, integrityDeclarationPayload } from "../competition/signing"
import type { Award } from "../workflows/steps/award-data"
import { MINI_COMPETITION_MODULE } from "../modules/mini_competition"
import type MiniCompetitionModuleService from "../modules/mini_competition/service"
import { declarationOf } from "../workflows/steps/integrity"
import { ownCompetition } from "../workflows/steps/own-competition"

export const mcService = (c: MedusaContainer) => c.resolve<MiniCompetitionModuleService>(MINI_COMPETITION_MODULE)

/** Now by the procedure's clock (the server's; tests inject theirs). */
export const procedureNow = async (c: MedusaContainer) => (await mcService(c).now()).toISOString()

/** Domain refusals keep their Spanish message and code with 409 (Medusa rewrites CONFLICT errors). */
export function withCompetitionErrors(res: MedusaResponse, fn: () => Promise<void>) {
  return withDomainErrors(res, fn, { conflict: CONFLICT_CODES })
}

type Competition = Awaited<ReturnType<typeof ownCompetition>>

const base = (c: Competition) => ({
  id: c.id,
  number: c.number,
  status: c.status,
  requisition_id: c.requisition_id,
  organization_id: c.organization_id,
  unit_id: c.unit_id,
  contract_id: c.contract_id,
  lot_id: c.lot_id,
  lot_title: c.lot_title,
  delivery_state: c.delivery_state,
  rules: c.rules,
  published_at: c.published_at,
  bid_deadline: c.bid_deadline,
  opened_at: c.opened_at,
  confirmation_deadline: c.confirmation_deadline,
  awarded_at: c.awarded_at,
  deserted_reason: c.deserted_reason,
  round: c.round,
  rounds: c.rounds ?? [],
  lines: (c.lines ?? []).map((l) => ({
    id: l.id,
    item_id: l.item_id,
    item_name: l.item_name,
    unspsc_code: l.unspsc_code,
    quantity: l.quantity,
    ceiling_price: fixed2(l.ceiling_price),
    iva_rate: l.iva_rate,
  })),
})

/**
 * The one place that decides what of the bids a reader sees. Before the
 * opening (no `opened_at`): the number of live bids, never their contents,
 * totals, ranking or even who bid. After it: every bid with its revealed
 * prices, validity, findings and rank, the evaluation and the award.
 */
async function bidsPart(container: MedusaContainer, c: Competition) {
  const service = mcService(container)
  if (!c.opened_at) {
    const live = await service.listCompetitionBids({ competition_id: c.id, status: "sealed" }, { take: null, select: ["id"] })
    return { bid_count: live.length }
  }
  const bids = await service.listCompetitionBids({ competition_id: c.id, status: ["opened", "tampered"] }, { take: null })
  return {
    bid_count: bids.length,
    bids: bids
      .map((b) => ({
        id: b.id,
        supplier_id: b.supplier_id,
        status: b.status,
        commitment: b.commitment,
        submitted_at: b.submitted_at,
        revealed: b.revealed,
        total: b.total === null ? null : fixed2(b.total),
        valid: b.valid,
        findings: b.findings,
        rank: b.rank,
      }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)),
    evaluation: c.evaluation,
    award: c.award,
  }
}

async function invitationsOf(container: MedusaContainer, id: string) {
  const rows = await mcService(container).listCompetitionInvitations({ competition_id: id }, { take: null, order: { supplier_id: "ASC" } })
  return rows.map((i) => ({ supplier_id: i.supplier_id, status: i.status, reasons: i.reasons }))
}

/** Questions and answers as every invitee sees them: anonymised (who asked is never shown). */
async function clarificationsOf(container: MedusaContainer, id: string) {
  const rows = await mcService(container).listCompetitionClarifications(
    { competition_id: id },
    { take: null, order: { asked_at: "ASC", created_at: "ASC" } },
  )
  return rows.map((c) => ({
    id: c.id,
    question: c.question,
    asked_at: c.asked_at,
    answer: c.answer,
    answered_at: c.answered_at,
    previous_deadline: c.previous_deadline,
    extended_deadline: c.extended_deadline,
  }))
}

async function observationsOf(container: MedusaContainer, id: string) {
  const rows = await mcService(container).listCompetitionObservations(
    { competition_id: id },
    { take: null, order: { observed_at: "ASC", created_at: "ASC" } },
  )
  return rows.map((o) => ({
    id: o.id,
    observer_person_id: o.observer_person_id,
    observer_organization_id: o.observer_organization_id,
    text: o.text,
    observed_at: o.observed_at,
  }))
}

/** Purchasing Unit and observer view: the whole procedure (with the observers' observations); bids per bidsPart. */
export async function procedureView(container: MedusaContainer, c: Competition) {
  return {
    ...base(c),
    invitations: await invitationsOf(container, c.id),
    clarifications: await clarificationsOf(container, c.id),
    observations: await observationsOf(container, c.id),
    ...(await bidsPart(container, c)),
  }
}

/**
 * An invited supplier's view: the competition, how many suppliers were
 * invited and how many live bids there are, and its own bids' commitments.
 * Who else was invited or bid is not shown before the opening.
 */
export async function supplierView(container: MedusaContainer, c: Competition, supplierId: string) {
  const invitations = await invitationsOf(container, c.id)
  const offered = c.award as unknown as Award | null
  const own = await mcService(container).listCompetitionBids(
    { competition_id: c.id, supplier_id: supplierId },
    { take: null, order: { submitted_at: "DESC", created_at: "DESC" } },
  )
  return {
    ...base(c),
    invited_count: invitations.filter((i) => i.status === "invited").length,
    ...(c.opened_at ? { invitations } : {}),
    clarifications: await clarificationsOf(container, c.id),
    ...(await bidsPart(container, c)),
    own_bids: own.map((b) => ({ id: b.id, status: b.status, commitment: b.commitment, submitted_at: b.submitted_at })),
    /** While the award is offered to this supplier: what its user signs with e.firma to confirm it. */
    award_signing_payload: c.status === "offered" && offered?.supplier_id === supplierId ? awardAcceptancePayload(offered) : null,
  }
}

type OrganizationReader = {
  listOrganizations: (f: object, c: object) => Promise<{ id: string; legal_name: string; sme_size?: string | null }[]>
}

/**
 * The public record (no login). Before the opening: the procedure and only
 * the number of live bids — nothing of who bid or at what price. After it:
 * participants (name, bid total, validity, rank), every revealed price,
 * the evaluation, the winner and the award with its savings against the
 * ceilings, clarifications and observations.
 */
export async function publicView(container: MedusaContainer, c: Competition) {
  const { rules, lines, ...rest } = base(c)
  const head = {
    id: rest.id,
    number: rest.number,
    status: rest.status,
    lot_title: rest.lot_title,
    delivery_state: rest.delivery_state,
    published_at: rest.published_at,
    bid_deadline: rest.bid_deadline,
    opened_at: rest.opened_at,
    /** The rules (method, published weights, SME bonus, floors) are public from the publication, before any bid. */
    rules,
  }
  if (!c.opened_at) {
    return { ...head, ...(await bidsPart(container, c)) }
  }
  const bids = await bidsPart(container, c)
  const invitations = await invitationsOf(container, c.id)
  const orgs = container.resolve<OrganizationReader>("organization")
  const ids = [...new Set(invitations.map((i) => i.supplier_id))]
  const names = new Map(
    (ids.length ? await orgs.listOrganizations({ id: ids }, { select: ["id", "legal_name"], take: null }) : []).map((o) => [
      o.id,
      o.legal_name,
    ]),
  )
  const award = c.award as { supplier_id: string; subtotal: string; savings: string; accepted_at?: string } | null
  return {
    ...rest,
    rules,
    lines,
    invitations: invitations.map((i) => ({ supplier_id: i.supplier_id, legal_name: names.get(i.supplier_id) ?? null, status: i.status })),
    participants: (bids.bids ?? []).map((b) => ({
      supplier_id: b.supplier_id,
      legal_name: names.get(b.supplier_id) ?? null,
      total: b.total,
      valid: b.valid,
      rank: b.rank,
      status: b.status,
    })),
    winner: award
      ? {
          supplier_id: award.supplier_id,
          legal_name: names.get(award.supplier_id) ?? null,
          subtotal: award.subtotal,
          savings: award.savings,
          confirmed: !!award.accepted_at,
        }
      : null,
    clarifications: await clarificationsOf(container, c.id),
    observations: (await observationsOf(container, c.id)).map(({ text, observed_at }) => ({ text, observed_at })),
    ...bids,
  }
}

/** What a signer sees of the integrity declaration for its side: the text in force and its own declaration, if any. */
export async function integrityView(container: MedusaContainer, competitionId: string, side: IntegritySide, personId: string) {
  const text = integrityTextInForce(side)
  const row = await declarationOf(container, competitionId, side, personId)
  return {
    side,
    text_in_force: { version: text.version, text: text.text, text_sha256: text.text_sha256 },
    /** What the signer signs with e.firma (canonical JSON) to declare the text in force. */
    signing_payload: integrityDeclarationPayload({
      competition_id: competitionId,
      side,
      person_id: personId,
      text_version: text.version,
      text_sha256: text.text_sha256,
    }),
    declaration: row
      ? {
          id: row.id,
          competition_id: competitionId,
          side: row.side,
          person_id: row.person_id,
          organization_id: row.organization_id,
          text_version: row.text_version,
          text_sha256: row.text_sha256,
          declared_at: row.declared_at,
          certificate_serial: row.certificate_serial,
          payload_sha256: row.payload_sha256,
        }
      : null,
  }
}
