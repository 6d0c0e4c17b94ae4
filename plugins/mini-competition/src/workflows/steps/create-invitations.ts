import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PlannedInvitation } from "./plan-publication"
import { mc } from "./service"

export const createInvitationsStepId = "mini-competition-create-invitations"
/** This step records every considered supplier (invited or not, with reasons). Its compensation deletes them. */
export const createInvitationsStep = createStep(
  createInvitationsStepId,
  async (input: { competition_id: string; invitations: PlannedInvitation[] }, { container }) => {
    const rows = await mc(container).createCompetitionInvitations(
      input.invitations.map((i) => ({
        competition_id: input.competition_id,
        supplier_id: i.supplier_id,
        status: i.status,
        reasons: i.reasons as never,
      })),
    )
    return new StepResponse(
      rows,
      rows.map((r) => r.id),
    )
  },
  async (ids: string[] | undefined, { container }) => {
    if (ids?.length) {
      await mc(container).deleteCompetitionInvitations(ids)
    }
  },
)
