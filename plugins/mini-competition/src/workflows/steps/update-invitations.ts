import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PlannedInvitation } from "./plan-publication"
import { mc } from "./service"

type Previous = { updated: { id: string; status: "invited" | "not_eligible"; reasons: unknown }[]; created: string[] }

export const updateInvitationsStepId = "mini-competition-update-invitations"
/**
 * This step records a new invitation round: each considered supplier's
 * invitation is set to its new status and reasons (created when the
 * supplier was not enrolled before). Its compensation restores the previous
 * statuses and deletes the rows it created. An empty list changes nothing.
 */
export const updateInvitationsStep = createStep(
  updateInvitationsStepId,
  async (input: { competition_id: string; invitations: PlannedInvitation[] }, { container }) => {
    const previous: Previous = { updated: [], created: [] }
    if (!input.invitations.length) {
      return new StepResponse(previous, previous)
    }
    const service = mc(container)
    const existing = await service.listCompetitionInvitations({ competition_id: input.competition_id }, { take: null })
    const toUpdate = input.invitations.flatMap((i) => {
      const row = existing.find((e) => e.supplier_id === i.supplier_id)
      return row ? [{ id: row.id, status: i.status, reasons: i.reasons as never }] : []
    })
    const toCreate = input.invitations.filter((i) => !existing.some((e) => e.supplier_id === i.supplier_id))
    previous.updated = existing
      .filter((e) => toUpdate.some((u) => u.id === e.id))
      .map((e) => ({ id: e.id, status: e.status, reasons: e.reasons }))
    if (toUpdate.length) {
      await service.updateCompetitionInvitations(toUpdate)
    }
    if (toCreate.length) {
      const rows = await service.createCompetitionInvitations(
        toCreate.map((i) => ({
          competition_id: input.competition_id,
          supplier_id: i.supplier_id,
          status: i.status,
          reasons: i.reasons as never,
        })),
      )
      previous.created = rows.map((r) => r.id)
    }
    return new StepResponse(previous, previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) {
      return
    }
    const service = mc(container)
    if (previous.created.length) {
      await service.deleteCompetitionInvitations(previous.created)
    }
    if (previous.updated.length) {
      await service.updateCompetitionInvitations(previous.updated.map((u) => ({ id: u.id, status: u.status, reasons: u.reasons as never })))
    }
  },
)
