import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrganizationWorkflow, createPersonWorkflow, setRolePermissionsWorkflow } from "@tienda/organizations/workflows"
import { makeRfc } from "../../seed/src/rfc"
import { describeApp } from "../utils/runner"

// @redis: workflow engine (compensation of failed steps, async executions)

/**
 * Every workflow with side effects is run with a step that fails at the end:
 * the transaction must end "reverted" and leave nothing behind, in our
 * module and in Medusa's auth, user and customer modules.
 */
describeApp("workflow compensation", ({ world, container }) => {
  const failAtEnd = <T extends { addAction: (...a: never[]) => unknown }>(wf: T) => {
    ;(wf.addAction as unknown as (name: string, h: unknown, o: unknown) => void)(
      "fail-at-end",
      {
        invoke: async () => {
          throw new Error("fallo inducido por la prueba")
        },
      },
      { noCompensation: true },
    )
    return wf
  }
  const rows = async (entity: string, filters: Record<string, unknown>) => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity, fields: ["id"], filters })
    return data.length
  }

  it("rolls back an organization and its units", async () => {
    const rfc = makeRfc("BIE", "181201", "QW")
    const wf = failAtEnd(createOrganizationWorkflow(container()))
    const { transaction } = await wf.run({
      throwOnError: false,
      input: {
        kind: "agency",
        rfc,
        legal_name: "Secretaría de Bienestar",
        regimen_fiscal: "603",
        codigo_postal: "06600",
        units: [{ code: "BIE-UC", name: "Unidad Compradora", kind: "purchasing_unit", state_code: "CMX", codigo_postal: "06600" }],
      },
    })
    expect(transaction.getFlow().state).toBe("reverted")
    expect(await rows("organization", { rfc })).toBe(0)
    expect(await rows("organization_unit", { code: "BIE-UC" })).toBe(0)
  })

  it.each([
    ["customer", "budget", "SSA-PRES"],
    ["user", "shcp_planning", null],
    ["supplier", "supplier_user", null],
  ] as const)("rolls back a %s person: login, actor and roles", async (actorType, role, unit) => {
    const email = `rollback.${role}@prueba.gob.mx`
    const organization_id =
      actorType === "customer" ? world().orgs.agencyA : actorType === "user" ? world().orgs.shcp : world().orgs.supplier
    const wf = failAtEnd(createPersonWorkflow(container()))
    const { transaction, errors } = await wf.run({
      throwOnError: false,
      input: {
        organization_id,
        full_name: "Persona Que No Debe Quedar",
        email,
        rfc: makeRfc("PEQD", "900101", "X1"),
        password: "Contrasena-De-Prueba-1",
        roles: [{ role, unit_id: unit ? world().units[unit] : null }],
      },
    })
    expect(errors.map((e: { error: { message: string } }) => e.error.message)).toEqual(["fallo inducido por la prueba"])
    expect(transaction.getFlow().state).toBe("reverted")
    expect(await rows("person", { email })).toBe(0)
    const auth = container().resolve(Modules.AUTH)
    expect(await auth.listProviderIdentities({ entity_id: email })).toHaveLength(0)
    expect(await rows("customer", { email })).toBe(0)
    expect(await rows("user", { email })).toBe(0)
  })

  it("rolls back a change of the role-permission matrix", async () => {
    const before = await rows("role_permission", { role: "auditor" })
    const wf = failAtEnd(setRolePermissionsWorkflow(container()))
    const { transaction } = await wf.run({
      throwOnError: false,
      input: { role: "auditor", permissions: ["profile:read"] },
    })
    expect(transaction.getFlow().state).toBe("reverted")
    expect(await rows("role_permission", { role: "auditor" })).toBe(before)
  })
})
