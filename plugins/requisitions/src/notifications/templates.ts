/**
 * es-MX notification templates (Handlebars). Kept as data in code so they are
 * versioned with the release; `{{…}}` values are escaped in HTML.
 */
export type TemplateName = "submitted" | "needs_approval" | "approved" | "rejected" | "returned" | "escalated" | "requires_competition"

export const TEMPLATES: Record<TemplateName, { subject: string; text: string }> = {
  submitted: {
    subject: "Requisición {{number}} enviada",
    text: "Tu requisición {{number}} por {{total}} MXN se envió a aprobación. Primer paso: {{step_role}}.",
  },
  needs_approval: {
    subject: "Requisición {{number}} requiere tu aprobación",
    text: "La requisición {{number}} de {{unit}} por {{total}} MXN espera tu decisión como {{step_role}} antes del {{due_at}}.{{#if flags}} Atención: {{flags}}{{/if}}",
  },
  approved: {
    subject: "Requisición {{number}} aprobada",
    text: "Tu requisición {{number}} por {{total}} MXN fue aprobada en todos sus pasos. Ya puedes generar los pedidos.",
  },
  rejected: {
    subject: "Requisición {{number}} rechazada",
    text: "Tu requisición {{number}} fue rechazada por {{decided_by}} ({{step_role}}). Motivo: {{reason}}. El presupuesto reservado se liberó.",
  },
  returned: {
    subject: "Requisición {{number}} devuelta para cambios",
    text: "Tu requisición {{number}} fue devuelta por {{decided_by}} ({{step_role}}). Motivo: {{reason}}. Corrígela y vuelve a enviarla.",
  },
  escalated: {
    subject: "Requisición {{number}} escalada",
    text: "El paso «{{step_role}}» de la requisición {{number}} venció el {{due_at}} sin decisión; ahora también puede decidirlo {{escalate_to_role}}.",
  },
  requires_competition: {
    subject: "Requisición {{number}} requiere segunda etapa",
    text: "La requisición {{number}} supera el umbral de la partida {{lots}}; no puede convertirse en pedido directo y pasa a la segunda etapa de competencia.",
  },
}
