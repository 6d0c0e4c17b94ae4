import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { join } from "node:path"
import { ORGANIZATION_MODULE } from ".."
import { KnownPermission, Organization, OrganizationUnit, Person, RoleAssignment, RolePermission } from "../models"
import type OrganizationModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<OrganizationModuleService>({
  moduleName: ORGANIZATION_MODULE,
  moduleModels: [Organization, OrganizationUnit, Person, RoleAssignment, RolePermission, KnownPermission],
  resolve: join(__dirname, ".."),
  testSuite: ({ service }) => {
    const org = (over: Record<string, unknown> = {}) =>
      service.createOrganizations({
        kind: "agency",
        rfc: "SSA630502CU1",
        legal_name: "Secretaría de Salud",
        regimen_fiscal: "603",
        codigo_postal: "06600",
        ...over,
      })

    describe("organization module", () => {
      it("generates the CRUD method names the workflows use", () => {
        for (const m of [
          "listOrganizations",
          "createOrganizations",
          "listOrganizationUnits",
          "createOrganizationUnits",
          "deleteOrganizationUnits",
          "listPeople",
          "createPeople",
          "deletePeople",
          "listRoleAssignments",
          "createRoleAssignments",
          "updateRoleAssignments",
          "listRolePermissions",
          "createRolePermissions",
          "deleteRolePermissions",
        ]) {
          expect(typeof (service as unknown as Record<string, unknown>)[m]).toBe("function")
        }
      })

      it("loads the default role-permission matrix when the table is empty", async () => {
        const cells = await service.listRolePermissions({ role: "system_admin" })
        expect(cells.map((c) => c.permission)).toEqual(expect.arrayContaining(["people:manage", "role_permissions:manage"]))
        const known = await service.listKnownPermissions({}, { take: null })
        expect(known.map((k) => k.code)).toEqual(expect.arrayContaining(["people:manage", "operations:read"]))
      })

      it("enforces one organization per RFC in the database", async () => {
        await org()
        await expect(org({ legal_name: "Otra" })).rejects.toThrow()
        expect(await service.listOrganizations({ rfc: "SSA630502CU1" })).toHaveLength(1)
      })

      it("enforces unique unit codes within an organization only", async () => {
        const a = await org()
        const b = await org({ rfc: "SEP210905AB8", legal_name: "SEP" })
        const unit = { code: "UC", name: "Unidad Compradora", kind: "purchasing_unit" as const, state_code: "CMX", codigo_postal: "06600" }
        await service.createOrganizationUnits({ ...unit, organization_id: a.id })
        await service.createOrganizationUnits({ ...unit, organization_id: b.id })
        await expect(service.createOrganizationUnits({ ...unit, organization_id: a.id })).rejects.toThrow()
      })

      it("enforces unique e-mail and one person per actor", async () => {
        const a = await org()
        const person = {
          organization_id: a.id,
          full_name: "Ana Pérez",
          email: "ana@salud.gob.mx",
          rfc: "PEAA800101AB1",
          actor_type: "customer" as const,
          actor_id: "cus_1",
        }
        await service.createPeople(person)
        await expect(service.createPeople({ ...person, actor_id: "cus_2" })).rejects.toThrow()
        await expect(service.createPeople({ ...person, email: "otra@salud.gob.mx" })).rejects.toThrow()
      })

      it("keeps a role assignment's unit and validity", async () => {
        const a = await org()
        const unit = await service.createOrganizationUnits({
          organization_id: a.id,
          code: "PRES",
          name: "Presupuesto",
          kind: "budget_area",
          state_code: "CMX",
          codigo_postal: "06600",
        })
        const p = await service.createPeople({
          organization_id: a.id,
          full_name: "Luis Gómez",
          email: "luis@salud.gob.mx",
          rfc: "GOML800101AB1",
          actor_type: "customer",
          actor_id: "cus_9",
        })
        await service.createRoleAssignments({
          person_id: p.id,
          unit_id: unit.id,
          role: "budget",
          valid_from: new Date("2026-01-01"),
          valid_until: new Date("2027-01-01"),
        })
        const [loaded] = await service.listPeople({ id: p.id }, { relations: ["role_assignments", "role_assignments.unit"] })
        expect(loaded.role_assignments[0]).toEqual(
          expect.objectContaining({ role: "budget", unit: expect.objectContaining({ code: "PRES" }) }),
        )
      })
    })
  },
})
