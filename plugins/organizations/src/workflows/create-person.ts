import { createCustomersStep, createUsersStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { attachLoginToActorStep } from "./steps/attach-login-to-actor"
import { createPersonStep } from "./steps/create-person"
import { registerLoginStep } from "./steps/register-login"
import { validatePersonStep } from "./steps/validate-person"
import type { CreatePersonInput, ValidatedPerson } from "./types"

export type CreatePersonWorkflowInput = CreatePersonInput & {
  /** Who gives the access (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

function splitName(p: ValidatedPerson) {
  const [first, ...rest] = p.full_name.split(/\s+/)
  return { email: p.email, first_name: first, last_name: rest.join(" ") }
}

export const createPersonWorkflowId = "organizations-create-person"
/**
 * This workflow gives a person access to the store: login, Medusa actor
 * (admin user for SHCP staff, customer for agency staff; the person itself
 * for suppliers, observers and auditors), person record and roles.
 */
export const createPersonWorkflow = createWorkflow(createPersonWorkflowId, (input: WorkflowData<CreatePersonWorkflowInput>) => {
  const person = validatePersonStep(input)
  const login = registerLoginStep(
    transform({ person, input }, ({ person, input }) => ({
      email: person.email,
      password: input.password,
    })),
  )
  const users = when({ person }, ({ person }) => person.actor_type === "user").then(() =>
    createUsersStep(transform({ person }, ({ person }) => [splitName(person)])),
  )
  const customers = when({ person }, ({ person }) => person.actor_type === "customer").then(() =>
    createCustomersStep(transform({ person }, ({ person }) => [{ ...splitName(person), has_account: true }])),
  )
  const actorId = transform({ users, customers }, ({ users, customers }) => users?.[0]?.id ?? customers?.[0]?.id ?? null)
  const created = createPersonStep({ person, actor_id: actorId })
  attachLoginToActorStep(
    transform({ login, person, created }, ({ login, person, created }) => ({
      authIdentityId: login.id,
      actorType: person.actor_type,
      actorId: created.actor_id,
    })),
  )
  // The password never reaches the ledger: only the validated person is hashed.
  appendAuditEntryStep(
    transform({ person, created, input }, ({ person, created, input }) =>
      auditDraft(input.actor, createPersonWorkflowId, {
        action: "person.created",
        entity_type: "person",
        entity_id: created.id,
        after: { ...person, id: created.id, actor_id: created.actor_id },
        details: {
          organization_id: person.organization_id,
          actor_type: person.actor_type,
          roles: person.roles.map((r) => ({ role: r.role, unit_id: r.unit_id ?? null })),
        },
      }),
    ),
  )
  return new WorkflowResponse(created)
})
