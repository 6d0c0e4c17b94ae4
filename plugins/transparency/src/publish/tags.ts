import type { ProcessKind } from "../ocds/types"

/** The events the transparency plugin listens to (emitted by the lower plugins). */
export const SOURCE_EVENTS = {
  FRAMEWORK_CREATED: "framework_contract.created",
  FRAMEWORK_STATUS_CHANGED: "framework_contract.status_changed",
  FRAMEWORK_ENROLMENT_CHANGED: "framework_contract.enrolment_changed",
  CONTRACT_CREATED: "specific_contract.created",
  CONTRACT_SIGNED: "specific_contract.signed",
  CONTRACT_IN_FORCE: "specific_contract.in_force",
  CONTRACT_CANCELLED: "specific_contract.cancelled",
  COMPETITION_PUBLISHED: "mini_competition.published",
  COMPETITION_OPENED: "mini_competition.opened",
  COMPETITION_AWARD_OFFERED: "mini_competition.award_offered",
  COMPETITION_AWARDED: "mini_competition.awarded",
  PAYMENT_PAID: "e_invoicing.payment_paid",
  /** Replays a process on demand (backfill of the history before the plugin). */
  REPUBLISH: "transparency.republish",
} as const

/** What a process's first release says: everything it already holds. */
function initialTags(body: Record<string, unknown>): string[] {
  const tags = body.planning ? ["planning", "tender"] : ["tender"]
  if (Array.isArray(body.awards) && body.awards.length) {
    tags.push("award")
  }
  if (Array.isArray(body.contracts) && body.contracts.length) {
    tags.push("contract")
    if ((body.contracts as Record<string, unknown>[]).some((c) => c.implementation)) {
      tags.push("implementation")
    }
  }
  return tags
}

/**
 * The release tags (OCDS releaseTag codelist) of a process's release: the
 * first release names every stage it holds; later ones name the stage the
 * triggering event changed. `amendment` marks a specific contract of kind
 * amendment, `contractKnown` whether the process already published a
 * contract.
 */
export function releaseTags(input: {
  kind: ProcessKind
  event: string
  first: boolean
  body: Record<string, unknown>
  amendment: boolean
  contractKnown: boolean
}): string[] {
  if (input.first) {
    return initialTags(input.body)
  }
  switch (input.event) {
    case SOURCE_EVENTS.FRAMEWORK_CREATED:
    case SOURCE_EVENTS.FRAMEWORK_STATUS_CHANGED:
      return ["tenderUpdate"]
    case SOURCE_EVENTS.FRAMEWORK_ENROLMENT_CHANGED:
      return ["award"]
    case SOURCE_EVENTS.COMPETITION_PUBLISHED:
    case SOURCE_EVENTS.COMPETITION_OPENED:
      return ["tenderUpdate"]
    case SOURCE_EVENTS.COMPETITION_AWARD_OFFERED:
      return ["award"]
    case SOURCE_EVENTS.COMPETITION_AWARDED:
      return ["awardUpdate"]
    case SOURCE_EVENTS.CONTRACT_CREATED:
      return input.amendment ? ["contractAmendment"] : input.contractKnown ? ["contractUpdate"] : ["contract"]
    case SOURCE_EVENTS.CONTRACT_SIGNED:
    case SOURCE_EVENTS.CONTRACT_IN_FORCE:
      return input.amendment ? ["contractAmendment"] : ["contractUpdate"]
    case SOURCE_EVENTS.CONTRACT_CANCELLED:
      return input.amendment ? ["contractAmendment"] : ["contractTermination"]
    case SOURCE_EVENTS.PAYMENT_PAID:
      return ["implementation"]
    default:
      return ["tenderUpdate"]
  }
}
