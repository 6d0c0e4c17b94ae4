import { MedusaError } from "@medusajs/framework/utils"
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
  const fail = (m: string, code: string): never => {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, m, code)
  }
  if (!steps.length) {
    fail("La política necesita al menos un paso de aprobación.", "POLITICA_SIN_PASOS")
  }
  const seqs = new Set(steps.map((s) => s.sequence))
  if (seqs.size !== steps.length) {
    fail("Cada paso de la política debe tener un número de orden distinto.", "POLITICA_ORDEN_REPETIDO")
  }
  for (const s of steps) {
    if (!APPROVER_ROLES.includes(s.role)) {
      fail(`El rol «${s.role}» no puede aprobar requisiciones.`, "POLITICA_ROL_INVALIDO")
    }
    if (s.escalate_to_role && !APPROVER_ROLES.includes(s.escalate_to_role)) {
      fail(`El rol de escalamiento «${s.escalate_to_role}» no puede aprobar requisiciones.`, "POLITICA_ROL_INVALIDO")
    }
  }
}
