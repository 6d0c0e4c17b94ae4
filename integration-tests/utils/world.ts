import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RoleCode } from "@tienda/organizations/utils"
import { createOrganizationWorkflow, createPersonWorkflow, type CreateOrganizationWorkflowInput } from "@tienda/organizations/workflows"
import request from "supertest"
import { makeRfc } from "../../seed/src/rfc"
import { seedStore } from "../../seed/src/steps/store"

export const PASSWORD = "Prueba-Segura-2026"

export type Actor = {
  role: RoleCode
  email: string
  person_id: string
  actor_type: string
  token: string
}

export type World = {
  baseUrl: string
  publishableKey: string
  orgs: { shcp: string; agencyA: string; agencyB: string; supplier: string; supplier2: string; civil: string; audit: string }
  units: Record<string, string>
  actors: Record<RoleCode, Actor>
  /** A second agency's requiring unit, for cross-organization tests. */
  otherAgencyActor: Actor
}

const ACTOR_OF: Record<RoleCode, string> = {
  shcp_contract_admin: "user",
  shcp_planning: "user",
  system_admin: "user",
  requiring_unit: "customer",
  purchasing_unit: "customer",
  purchasing_operator: "customer",
  budget: "customer",
  contract_admin: "customer",
  reception_manager: "customer",
  payment_typist: "customer",
  supplier_user: "supplier",
  observer: "observer",
  auditor: "auditor",
}

async function org(container: MedusaContainer, input: CreateOrganizationWorkflowInput) {
  const { result } = await createOrganizationWorkflow(container).run({ input })
  return result.id
}

export async function login(baseUrl: string, actorType: string, email: string, password = PASSWORD) {
  const res = await request(baseUrl).post(`/auth/${actorType}/emailpass`).send({ email, password })
  if (res.status !== 200) {
    throw new Error(`login ${email} (${actorType}) failed: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return res.body.token as string
}

const units = (prefix: string) => [
  { code: `${prefix}-UC`, name: "Unidad Compradora", kind: "purchasing_unit" as const, state_code: "CMX", codigo_postal: "06600" },
  { code: `${prefix}-AR01`, name: "Área Requirente 1", kind: "requiring_area" as const, state_code: "CMX", codigo_postal: "06600" },
  { code: `${prefix}-PRES`, name: "Presupuesto", kind: "budget_area" as const, state_code: "CMX", codigo_postal: "06600" },
  {
    code: `${prefix}-ADMC`,
    name: "Administración de contratos",
    kind: "contract_administration" as const,
    state_code: "CMX",
    codigo_postal: "06600",
  },
  { code: `${prefix}-ALM`, name: "Almacén", kind: "reception" as const, state_code: "JAL", codigo_postal: "44100" },
  { code: `${prefix}-FIN`, name: "Finanzas", kind: "finance" as const, state_code: "CMX", codigo_postal: "06600" },
]

const UNIT_OF_ROLE: Partial<Record<RoleCode, string>> = {
  requiring_unit: "AR01",
  purchasing_unit: "UC",
  purchasing_operator: "UC",
  budget: "PRES",
  contract_admin: "ADMC",
  reception_manager: "ALM",
  payment_typist: "FIN",
}

/**
 * The smallest world that exercises every role: SHCP, two agencies with
 * units, two suppliers, an audit body and a civil-society organization, and
 * one logged-in person per role (plus one in the second agency).
 */
export async function createWorld(container: MedusaContainer, baseUrl: string): Promise<World> {
  const { publishable_key } = await seedStore({ container, args: [] } as never)
  const orgs = {
    shcp: await org(container, {
      kind: "shcp",
      rfc: makeRfc("SHC", "850101", "U3"),
      legal_name: "Secretaría de Hacienda y Crédito Público",
      regimen_fiscal: "603",
      codigo_postal: "06000",
    }),
    agencyA: await org(container, {
      kind: "agency",
      rfc: makeRfc("SSA", "630502", "CU"),
      legal_name: "Secretaría de Salud",
      regimen_fiscal: "603",
      codigo_postal: "06600",
      units: units("SSA"),
    }),
    agencyB: await org(container, {
      kind: "agency",
      rfc: makeRfc("SEP", "210905", "AB"),
      legal_name: "Secretaría de Educación Pública",
      regimen_fiscal: "603",
      codigo_postal: "06020",
      units: units("SEP"),
    }),
    supplier: await org(container, {
      kind: "supplier",
      rfc: makeRfc("PIB", "040312", "A1"),
      legal_name: "Papelería Industrial del Bajío, S.A. de C.V.",
      regimen_fiscal: "601",
      codigo_postal: "37000",
      sme_size: "mediana",
    }),
    supplier2: await org(container, {
      kind: "supplier",
      rfc: makeRfc("OFI", "991105", "3K"),
      legal_name: "Ofimex Suministros Corporativos, S.A. de C.V.",
      regimen_fiscal: "601",
      codigo_postal: "03100",
      sme_size: "grande",
    }),
    civil: await org(container, {
      kind: "civil_society",
      rfc: makeRfc("TME", "990304", "A7"),
      legal_name: "Observatorio Ciudadano, A.C.",
      regimen_fiscal: "603",
      codigo_postal: "03100",
    }),
    audit: await org(container, {
      kind: "agency",
      rfc: makeRfc("SAB", "241201", "BG"),
      legal_name: "Secretaría Anticorrupción y Buen Gobierno",
      regimen_fiscal: "603",
      codigo_postal: "01020",
    }),
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: unitRows } = await query.graph({ entity: "organization_unit", fields: ["id", "code"] })
  const unitIds: Record<string, string> = Object.fromEntries(unitRows.map((u) => [u.code, u.id]))

  const orgOfRole = (role: RoleCode) =>
    ACTOR_OF[role] === "user"
      ? orgs.shcp
      : ACTOR_OF[role] === "customer"
        ? orgs.agencyA
        : role === "supplier_user"
          ? orgs.supplier
          : role === "observer"
            ? orgs.civil
            : orgs.audit

  const actors = {} as Record<RoleCode, Actor>
  let n = 0
  const makePerson = async (role: RoleCode, organizationId: string, prefix: string, email: string): Promise<Actor> => {
    n++
    const unitCode = UNIT_OF_ROLE[role]
    const { result } = await createPersonWorkflow(container).run({
      input: {
        organization_id: organizationId,
        full_name: `Persona ${role} ${n}`,
        email,
        rfc: makeRfc("PEPA", `8${n % 10}0${(n % 9) + 1}1${n % 9}`, `A${n % 10}`),
        password: PASSWORD,
        roles: [{ role, unit_id: unitCode ? unitIds[`${prefix}-${unitCode}`] : null }],
      },
    })
    const actorType = ACTOR_OF[role]
    return { role, email, person_id: result.id, actor_type: actorType, token: await login(baseUrl, actorType, email) }
  }
  for (const role of Object.keys(ACTOR_OF) as RoleCode[]) {
    actors[role] = await makePerson(role, orgOfRole(role), "SSA", `${role.replace(/_/g, ".")}@prueba.gob.mx`)
  }
  const otherAgencyActor = await makePerson("requiring_unit", orgs.agencyB, "SEP", "area.requirente@sep.prueba.gob.mx")
  return { baseUrl, publishableKey: publishable_key, orgs, units: unitIds, actors, otherAgencyActor }
}
