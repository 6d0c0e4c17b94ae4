import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { resolveAuthority } from "../../../../requisitions/authority"
import { rqService } from "../../../helpers"
import type { StoreInboxType } from "../../../validators"

/** Requisitions of my agency whose current step I may decide now (own role, delegation or escalation). */
export const GET = async (req: AuthorizedRequest<unknown, StoreInboxType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const pending = await rqService(req.scope).listRequisitions(
    { organization_id: req.access.organization_id, status: "pending_approval", ...(q.unit_id ? { unit_id: q.unit_id } : {}) },
    { relations: ["approval_steps"], order: { submitted_at: "ASC" }, take: null },
  )
  const mine = []
  for (const r of pending) {
    const step = (r.approval_steps ?? [])
      .filter((s) => s.revision === r.revision && s.status === "pending")
      .sort((a, b) => a.sequence - b.sequence)[0]
    if (!step) {
      continue
    }
    try {
      const authority = await resolveAuthority(req.scope, req.access, r, step)
      mine.push({ ...r, current_step: step, acting_as: authority })
    } catch {
      // not mine to decide
    }
  }
  res.json({ requisitions: mine.slice(q.offset, q.offset + q.limit), count: mine.length, offset: q.offset, limit: q.limit })
}
