/**
 * es-MX notification templates (Handlebars). Kept as data in code so they are
 * versioned with the release; `{{…}}` values are escaped in HTML.
 */
export type TemplateName =
  | "submitted"
  | "needs_approval"
  | "approved"
  | "rejected"
  | "returned"
  | "escalated"
  | "requires_competition"
  | "withdrawn"
  | "contract_awaits_signature"
  | "order_released"

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
    text: "Tu requisición {{number}} por {{total}} MXN fue aprobada en todos sus pasos. La Unidad Compradora ya puede generar sus contratos específicos.",
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
    text: "La requisición {{number}} supera el umbral de la partida {{lots}}; no puede convertirse en pedido directo y espera la segunda etapa de competencia con su presupuesto reservado. Puedes retirarla si ya no la necesitas.",
  },
  withdrawn: {
    subject: "Requisición {{number}} retirada",
    text: "La requisición {{number}} fue retirada por {{decided_by}}. El presupuesto reservado ({{total}} MXN) se liberó.",
  },
  contract_awaits_signature: {
    subject: "Contrato {{contract_number}} en espera de tu firma",
    text: "{{agency}} generó el contrato específico {{contract_number}} por {{contract_total}} MXN (IVA incluido). Revísalo y fírmalo con tu e.firma para que entre en vigor.",
  },
  order_released: {
    subject: "Pedido liberado por el contrato {{contract_number}}",
    text: "El contrato específico {{contract_number}} entró en vigor con las firmas de ambas partes y liberó el pedido {{order}} por {{contract_total}} MXN (IVA incluido). Confirma la fecha de entrega prometida.",
  },
}
