import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RoleCode } from "@tienda/organizations/utils"
import {
  createOrganizationWorkflow,
  createPersonWorkflow,
  createUnitsWorkflow,
  type CreateOrganizationWorkflowInput,
} from "@tienda/organizations/workflows"
import { AGENCIES, AGENCY_ROLE_UNITS } from "../fixtures/agencies"
import { AUDIT_BODY, OBSERVER_ORG, SHCP } from "../fixtures/oversight"
import { DEMO_PASSWORD, demoPerson } from "../fixtures/people"
import { SUPPLIERS } from "../fixtures/suppliers"
import { makeRfc } from "../rfc"

export type DemoLogin = {
  role: RoleCode
  email: string
  organization: string
  actor_type: string
}

type Counters = { organizations: number; units: number; people: number }

type OrgRow = { id: string; legal_name: string; units?: { id: string; code: string }[] }

async function findOrganization(container: MedusaContainer, rfc: string): Promise<OrgRow | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "organization",
    fields: ["id", "legal_name", "units.id", "units.code"],
    filters: { rfc },
  })
  return data[0] as OrgRow | undefined
}

async function ensureOrganization(container: MedusaContainer, input: CreateOrganizationWorkflowInput, counters: Counters): Promise<OrgRow> {
  const existing = await findOrganization(container, input.rfc)
  if (!existing) {
    await createOrganizationWorkflow(container).run({ input })
    counters.organizations++
    counters.units += input.units?.length ?? 0
  } else {
    const missing = (input.units ?? []).filter((u) => !existing.units?.some((e) => e.code === u.code))
    if (missing.length) {
      await createUnitsWorkflow(container).run({
        input: { organization_id: existing.id, units: missing },
      })
      counters.units += missing.length
    }
  }
  return (await findOrganization(container, input.rfc)) as OrgRow
}

let personCounter = 0

/** Runs the tasks at most `limit` at a time, starting them in list order. */
async function startInOrder(tasks: (() => Promise<void>)[], limit: number) {
  let next = 0
  const lane = async () => {
    while (next < tasks.length) {
      await tasks[next++]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane))
}

async function ensurePerson(
  container: MedusaContainer,
  org: OrgRow,
  email: string,
  role: RoleCode,
  unitCode: string | null,
  position: string,
  counters: Counters,
) {
  const n = personCounter++
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "person", fields: ["id"], filters: { email } })
  if (data.length) {
    return
  }
  const who = demoPerson(n)
  const unit = unitCode ? org.units?.find((u) => u.code === unitCode) : null
  await createPersonWorkflow(container).run({
    input: {
      organization_id: org.id,
      full_name: who.full_name,
      email,
      rfc: makeRfc(...who.rfc),
      position,
      password: DEMO_PASSWORD,
      roles: [{ role, unit_id: unit?.id ?? null }],
      granted_by: "seed",
    },
  })
  counters.people++
}

/**
 * SHCP with its three officials, the agencies with units and one person per
 * agency role, the suppliers with one user each, the audit body's auditor and
 * a civil-society observer. Natural keys (RFC, unit code, e-mail) make every
 * run after the first a no-op.
 */
export async function seedOrganizations({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const counters: Counters = { organizations: 0, units: 0, people: 0 }
  const logins: DemoLogin[] = []
  personCounter = 0
  // People are created once every organization exists, four at a time: each
  // one's password hash (scrypt, in libuv's thread pool) overlaps the others'
  // database work. They start in order, so each keeps its demo name and RFC.
  const people: (() => Promise<void>)[] = []

  const shcp = await ensureOrganization(
    container,
    {
      kind: "shcp",
      rfc: makeRfc(...SHCP.rfc),
      legal_name: SHCP.legal_name,
      short_name: SHCP.short_name,
      regimen_fiscal: "603",
      codigo_postal: SHCP.codigo_postal,
      state_code: SHCP.state_code,
      agency_type: "dependencia",
      ramo: "06",
    },
    counters,
  )
  for (const p of SHCP.people) {
    const email = `${p.local}@${SHCP.domain}`
    people.push(() => ensurePerson(container, shcp, email, p.role, null, p.position, counters))
    logins.push({ role: p.role, email, organization: SHCP.short_name, actor_type: "user" })
  }

  for (const [i, a] of AGENCIES.entries()) {
    const org = await ensureOrganization(
      container,
      {
        kind: "agency",
        rfc: makeRfc(...a.rfc),
        legal_name: a.legal_name,
        short_name: a.short_name,
        regimen_fiscal: "603",
        codigo_postal: a.codigo_postal,
        state_code: a.state_code,
        agency_type: a.agency_type,
        ramo: a.ramo,
        units: a.units,
      },
      counters,
    )
    const prefix = a.units[0].code.split("-")[0]
    for (const r of AGENCY_ROLE_UNITS) {
      const email = `${r.local}@${a.email_domain}`
      people.push(() => ensurePerson(container, org, email, r.role, `${prefix}-${r.unit}`, r.position, counters))
      if (i === 0) {
        logins.push({ role: r.role, email, organization: a.short_name, actor_type: "customer" })
      }
    }
  }

  for (const [i, s] of SUPPLIERS.entries()) {
    const org = await ensureOrganization(
      container,
      {
        kind: "supplier",
        rfc: makeRfc(...s.rfc),
        legal_name: s.legal_name,
        regimen_fiscal: s.regimen_fiscal,
        codigo_postal: s.codigo_postal,
        state_code: s.state_code,
        sme_size: s.sme_size,
        email: `ventas@${s.key}.demo.mx`,
        metadata: s.demo ? { demo: s.demo } : null,
      },
      counters,
    )
    const email = `ventas@${s.key}.demo.mx`
    people.push(() => ensurePerson(container, org, email, "supplier_user", null, "Representante de ventas", counters))
    if (i === 0) {
      logins.push({ role: "supplier_user", email, organization: s.legal_name, actor_type: "supplier" })
    }
  }

  const audit = await ensureOrganization(
    container,
    {
      kind: "agency",
      rfc: makeRfc(...AUDIT_BODY.rfc),
      legal_name: AUDIT_BODY.legal_name,
      short_name: AUDIT_BODY.short_name,
      regimen_fiscal: "603",
      codigo_postal: AUDIT_BODY.codigo_postal,
      state_code: AUDIT_BODY.state_code,
      agency_type: "dependencia",
      ramo: "27",
    },
    counters,
  )
  const auditorEmail = `auditor@${AUDIT_BODY.domain}`
  people.push(() => ensurePerson(container, audit, auditorEmail, "auditor", null, "Auditor del Órgano Interno de Control", counters))
  logins.push({ role: "auditor", email: auditorEmail, organization: AUDIT_BODY.short_name, actor_type: "auditor" })

  const observerOrg = await ensureOrganization(
    container,
    {
      kind: "civil_society",
      rfc: makeRfc(...OBSERVER_ORG.rfc),
      legal_name: OBSERVER_ORG.legal_name,
      short_name: OBSERVER_ORG.short_name,
      regimen_fiscal: "603",
      codigo_postal: OBSERVER_ORG.codigo_postal,
      state_code: OBSERVER_ORG.state_code,
    },
    counters,
  )
  const observerEmail = `testigo@${OBSERVER_ORG.domain}`
  people.push(() => ensurePerson(container, observerOrg, observerEmail, "observer", null, "Testigo social", counters))
  logins.push({ role: "observer", email: observerEmail, organization: OBSERVER_ORG.short_name, actor_type: "observer" })

  await startInOrder(people, 4)
  logger.info(`seed: organizations +${counters.organizations}, units +${counters.units}, people +${counters.people}`)
  return { counters, logins }
}
