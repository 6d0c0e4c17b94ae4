import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { Rfc } from "@nodecfdi/rfc"
import { ROLE_CODES } from "@tienda/organizations/utils"
import seed from "../../seed/src/run"
import { createSimulator } from "../../simulators/sicop-siaff/src/app"
import { freePort } from "../utils/ports"
import { describeApp } from "../utils/runner"
import { login } from "../utils/world"

/**
 * The demo seed through the real workflows: the world it promises, and a
 * second run that changes nothing. One test, because the runner restores the
 * database before each test and a full seed is the slow part (two seeds take
 * up to 5 min here beside another suite, 2.5× that on a slow VM: hence the
 * generous timeout).
 */
const SEED_TIMEOUT_MS = 30 * 60 * 1000

// The demo's signed contract reserves its budget on a SICOP/SIAFF key, so the
// simulator runs (with its own demo claves) as under `npm start`. A root-level
// beforeAll runs before the runner boots the app, which reads the URL.
let sim: Awaited<ReturnType<typeof createSimulator>>
const simSchema = `sicop_siaff_seed_${process.pid}`
beforeAll(async () => {
  const e = process.env
  const port = await freePort()
  process.env.SICOP_SIAFF_URL = `http://127.0.0.1:${port}`
  sim = await createSimulator({
    databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
    schema: simSchema,
  })
  await sim.listen(port, "127.0.0.1")
})
afterAll(async () => {
  await sim?.dataSource.query(`DROP SCHEMA IF EXISTS "${simSchema}" CASCADE`)
  await sim?.close()
})

describeApp("demo seed", ({ container, baseUrl }) => {
  const snapshot = async () => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const count = async (entity: string) => (await query.graph({ entity, fields: ["id"] })).data.length
    const auth = container().resolve(Modules.AUTH)
    return {
      organizations: await count("organization"),
      units: await count("organization_unit"),
      people: await count("person"),
      role_assignments: await count("role_assignment"),
      customers: await count("customer"),
      users: await count("user"),
      logins: (await auth.listAuthIdentities({}, { take: null })).length,
      regions: await count("region"),
      sales_channels: await count("sales_channel"),
      api_keys: await count("api_key"),
      classifier: await count("unspsc_code"),
      items: await count("framework_item"),
      offers: await count("offer"),
      offer_requests: await count("offer_request"),
      sanctions: await count("sanction"),
      contract_versions: await count("contract_version"),
    }
  }

  it(
    "creates the demo world once, changes nothing the second time, and a demo person of each account type logs in with the demo password",
    async () => {
      const before = await snapshot()
      await seed({ container: container(), args: [] } as never)
      const first = await snapshot()
      await seed({ container: container(), args: [] } as never)
      const second = await snapshot()
      expect(second).toEqual(first)
      // the world the test runner built (createWorld) plus the demo world
      expect(first.organizations - before.organizations).toBeGreaterThanOrEqual(30)

      const query = container().resolve(ContainerRegistrationKeys.QUERY)
      const { data: orgs } = await query.graph({
        entity: "organization",
        fields: ["rfc", "kind", "legal_name", "sme_size", "regimen_fiscal", "codigo_postal", "units.id"],
      })
      const demoSuppliers = orgs.filter((o) => o.kind === "supplier")
      expect(demoSuppliers.length).toBeGreaterThanOrEqual(31)
      expect(demoSuppliers.filter((o) => ["micro", "pequena", "mediana"].includes(o.sme_size as string)).length).toBeGreaterThan(15)
      const agencies = orgs.filter((o) => o.kind === "agency" && (o.units?.length ?? 0) >= 7)
      expect(agencies.length).toBeGreaterThanOrEqual(4)
      for (const o of orgs) {
        expect(Rfc.isValid(o.rfc)).toBe(true)
        expect(o.regimen_fiscal).toMatch(/^\d{3}$/)
        expect(o.codigo_postal).toMatch(/^\d{5}$/)
      }

      // the office-supplies contract: ~210 items in 21 categories, three offers each, one price change pending
      const { data: office } = await query.graph({
        entity: "framework_contract",
        fields: ["status", "lots.items.unspsc_code"],
        filters: { number: "CM-SHCP-2026-0001" },
      })
      const officeItems = (office[0].lots as { items: { unspsc_code: string }[] }[]).flatMap((l) => l.items)
      expect(office[0].status).toBe("published")
      expect(officeItems).toHaveLength(210)
      expect(new Set(officeItems.map((i) => i.unspsc_code)).size).toBe(21)
      expect(first.offers).toBeGreaterThanOrEqual(600)
      expect(first.offer_requests - first.offers).toBe(1)
      expect(first.sanctions).toBe(1)
      // every offer is sold by one Medusa product; the sanctioned supplier's are unpublished
      const { data: products } = await query.graph({ entity: "product", fields: ["status", "metadata"] })
      expect(products).toHaveLength(first.offers)
      const drafts = products.filter((p) => p.status === "draft")
      expect(drafts.length).toBeGreaterThan(0)
      expect(new Set(drafts.map((p) => (p.metadata as { supplier_id: string }).supplier_id)).size).toBeLessThanOrEqual(2)

      const { data: assignments } = await query.graph({ entity: "role_assignment", fields: ["role"] })
      for (const role of ROLE_CODES) {
        expect(assignments.some((a) => a.role === role)).toBe(true)
      }

      for (const [actor, email] of [
        ["user", "admin@shcp.demo.gob.mx"],
        ["customer", "presupuesto@salud.demo.gob.mx"],
        ["supplier", "ventas@papeleria-bajio.demo.mx"],
        ["observer", "testigo@observatorio.demo.org.mx"],
        ["auditor", "auditor@buengobierno.demo.gob.mx"],
      ]) {
        await expect(login(baseUrl(), actor, email, "TiendaDigital-2026")).resolves.toEqual(expect.any(String))
      }
    },
    SEED_TIMEOUT_MS,
  )
})
