import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import Handlebars from "handlebars"
import { REQUISITION_MODULE } from "../modules/requisition"
import type RequisitionModuleService from "../modules/requisition/service"
import { TEMPLATES, type TemplateName } from "./templates"

export type NotificationRequest = { template: TemplateName; to: string[]; data: Record<string, unknown> }

const compiled = new Map<string, HandlebarsTemplateDelegate>()
const render = (source: string, data: Record<string, unknown>) => {
  let fn = compiled.get(source)
  if (!fn) {
    fn = Handlebars.compile(source, { noEscape: true, strict: false })
    compiled.set(source, fn)
  }
  return fn(data)
}
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Renders a template for a requisition event (subject, text, escaped HTML). */
export function renderNotification(template: TemplateName, data: Record<string, unknown>) {
  const t = TEMPLATES[template]
  const text = render(t.text, data)
  return { subject: render(t.subject, data), text, html: `<p lang="es-MX">${escapeHtml(text)}</p>` }
}

/**
 * Sends through Medusa's notification module on the plugin's configured
 * `notificationChannel` (REQUISITIONS_NOTIFICATION_CHANNEL, default "feed": the local provider
 * stores it and logs it; "email" goes to the SMTP provider when configured).
 * A failure to notify never undoes a decision: it is logged.
 */
export async function sendNotifications(container: MedusaContainer, requests: NotificationRequest[]) {
  const { notificationChannel: channel } = await container.resolve<RequisitionModuleService>(REQUISITION_MODULE).settings()
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const rows = requests.flatMap((r) =>
    [...new Set(r.to)].map((to) => ({
      to,
      channel,
      template: `requisition.${r.template}`,
      data: r.data,
      content: renderNotification(r.template, r.data),
    })),
  )
  if (!rows.length) {
    return 0
  }
  try {
    const notifications = container.resolve(Modules.NOTIFICATION)
    await notifications.createNotifications(rows as never)
  } catch (e) {
    logger.warn(`requisitions: notifications not sent (${(e as Error).message})`)
    return 0
  }
  return rows.length
}

/** E-mails of the people of an organization holding `role` now (for the requiring unit: in that unit). */
export async function holdersOf(container: MedusaContainer, organizationId: string, role: string, unitId?: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "role_assignment",
    fields: ["role", "valid_from", "valid_until", "unit.id", "person.email", "person.organization.id", "person.is_active"],
    filters: { role },
  })
  const now = Date.now()
  return data
    .filter((a) => a.person?.organization?.id === organizationId && a.person?.is_active)
    .filter(
      (a) => new Date(a.valid_from as string).getTime() <= now && (!a.valid_until || new Date(a.valid_until as string).getTime() > now),
    )
    .filter((a) => role !== "requiring_unit" || !unitId || !a.unit || a.unit.id === unitId)
    .map((a) => a.person!.email as string)
}
