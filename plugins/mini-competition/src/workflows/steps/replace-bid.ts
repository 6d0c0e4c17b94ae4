import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SealedBid } from "../../competition/seal"
import { mc } from "./service"

export type ReplaceBidStepInput = {
  competition_id: string
  supplier_id: string
  person_id: string
  previous_id: string | null
  sealed: SealedBid
  submitted_at: Date | string
}

type Undo = { created_id: string; previous_id: string | null }

export const replaceBidStepId = "mini-competition-replace-bid"
/**
 * This step stores the sealed bid as the supplier's live one; the previous
 * live bid (if any) becomes "replaced" first (one sealed bid per supplier
 * is a unique index). The nonce is not stored. Its compensation deletes the
 * new bid and makes the previous one live again.
 */
export const replaceBidStep = createStep(
  replaceBidStepId,
  async (input: ReplaceBidStepInput, { container }) => {
    const service = mc(container)
    if (input.previous_id) {
      await service.updateCompetitionBids({ id: input.previous_id, status: "replaced" })
    }
    const { commitment, ciphertext, iv, auth_tag } = input.sealed
    const created = await service.createCompetitionBids({
      competition_id: input.competition_id,
      supplier_id: input.supplier_id,
      submitted_by_person_id: input.person_id,
      status: "sealed",
      commitment,
      ciphertext,
      iv,
      auth_tag,
      submitted_at: new Date(input.submitted_at),
    })
    return new StepResponse({ id: created.id, commitment, submitted_at: created.submitted_at }, {
      created_id: created.id,
      previous_id: input.previous_id,
    } satisfies Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) {
      return
    }
    const service = mc(container)
    await service.deleteCompetitionBids(undo.created_id)
    if (undo.previous_id) {
      await service.updateCompetitionBids({ id: undo.previous_id, status: "sealed" })
    }
  },
)
