import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { holdersOf, sendNotifications, type NotificationRequest } from "../../notifications/notify"
import type { TemplateName } from "../../notifications/templates"
import { rq } from "./service"

export type NotifyInput = {
  requisition_id: string
  /** What happened, for the requester and for the next approvers. */
  requester_template?: TemplateName | null
  notify_next_approvers?: boolean
  /** Holders of this role are told the step was escalated to them. */
  escalated_to_role?: string | null
  extra?: Record<string, unknown>
}

const ROLE_LABEL: Record<string, string> = {
  requiring_unit: "Titular del Área Requirente",
  purchasing_unit: "Unidad Compradora",
  budget: "Área de Presupuesto",
  contract_admin: "Administración del contrato",
  purchasing_operator: "Operación de compras",
}
export const roleLabel = (role: string | null | undefined) => (role ? (ROLE_LABEL[role] ?? role) : "")
const date = (d: unknown) => new Date(d as string).toLocaleString("es-MX", { timeZone: "America/Mexico_City" })

export const notifyRequisitionStepId = "requisitions-notify-requisition"

/**
 * This step tells the people concerned (requester, holders of the next
 * pending step). It runs last: a notification cannot be unsent, and a failed
 * one is logged without undoing the decision.
 */
export const notifyRequisitionStep = createStep(notifyRequisitionStepId, async (input: NotifyInput, { container }) => {
  const service = rq(container)
  const [r] = await service.listRequisitions({ id: input.requisition_id }, { relations: ["approval_steps"], take: 1 })
  if (!r) {
    return new StepResponse(0)
  }
  const org = container.resolve("organization") as { listPeople: (f: object, c: object) => Promise<{ email: string }[]> }
  const [requester] = await org.listPeople({ id: r.requester_person_id }, { take: 1 })
  const pending = (r.approval_steps ?? [])
    .filter((s) => s.revision === r.revision && s.status === "pending")
    .sort((a, b) => a.sequence - b.sequence)[0]
  const base = {
    number: r.number,
    total: String(r.total),
    unit: r.unit_id,
    step_role: roleLabel(pending?.role ?? (input.extra?.role as string | undefined)),
    due_at: pending ? date(pending.due_at) : "",
    flags: ((r.flags as { message: string }[] | null) ?? []).map((f) => f.message).join(" "),
    ...input.extra,
  }
  const requests: NotificationRequest[] = []
  if (input.requester_template && requester) {
    requests.push({ template: input.requester_template, to: [requester.email], data: base })
  }
  if (input.notify_next_approvers && pending && r.status === "pending_approval") {
    const to = await holdersOf(container, r.organization_id, pending.role, r.unit_id)
    requests.push({ template: "needs_approval", to: to.filter((e) => e !== requester?.email), data: base })
  }
  if (input.escalated_to_role && pending) {
    const to = await holdersOf(container, r.organization_id, input.escalated_to_role, r.unit_id)
    const data = { ...base, escalate_to_role: roleLabel(input.escalated_to_role) }
    requests.push({ template: "escalated", to: [...to, ...(requester ? [requester.email] : [])], data })
  }
  return new StepResponse(await sendNotifications(container, requests))
})
