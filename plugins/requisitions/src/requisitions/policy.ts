import { invalid } from "./errors"
import { gte } from "./money"

export type PolicyStep = {
  sequence: number
  role: string
  /** Decimal string: the step applies when the total reaches it ("0" = always). */
  min_amount: string
  sla_hours: number
  /** Who may decide the step once its SLA expired (escalation). */
  escalate_to_role?: string | null
}

/** Used when an agency has not defined its own policy yet. */
export const DEFAULT_POLICY_STEPS: PolicyStep[] = [
  { sequence: 1, role: "requiring_unit", min_amount: "0", sla_hours: 48, escalate_to_role: "purchasing_unit" },
  { sequence: 2, role: "purchasing_unit", min_amount: "0", sla_hours: 48, escalate_to_role: null },
  { sequence: 3, role: "budget", min_amount: "50000.00", sla_hours: 72, escalate_to_role: "purchasing_unit" },
]

export const APPROVER_ROLES = ["requiring_unit", "purchasing_unit", "budget", "contract_admin", "purchasing_operator"]

/** The steps that apply to a requisition of `total`, in order. */
export function stepsFor(steps: PolicyStep[], total: string): PolicyStep[] {
  return [...steps].filter((s) => gte(total, s.min_amount)).sort((a, b) => a.sequence - b.sequence)
}

/** Validates a policy definition; Spanish errors with stable codes. */
export function assertValidPolicy(steps: PolicyStep[]): void {
  if (!steps.length) {
    invalid("POLITICA_SIN_PASOS", "La política necesita al menos un paso de aprobación.")
  }
  const seqs = new Set(steps.map((s) => s.sequence))
  if (seqs.size !== steps.length) {
    invalid("POLITICA_ORDEN_REPETIDO", "Cada paso de la política debe tener un número de orden distinto.")
  }
  for (const s of steps) {
    if (!APPROVER_ROLES.includes(s.role)) {
      invalid("POLITICA_ROL_INVALIDO", `El rol «${s.role}» no puede aprobar requisiciones.`)
    }
    if (s.escalate_to_role && !APPROVER_ROLES.includes(s.escalate_to_role)) {
      invalid("POLITICA_ROL_INVALIDO", `El rol de escalamiento «${s.escalate_to_role}» no puede aprobar requisiciones.`)
    }
  }
}
