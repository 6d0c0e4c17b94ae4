// One error-code catalogue per plugin (docs/conventions.md, "Errors"): every
// code a plugin's source throws is in its catalogue, with the status its
// throw sites and routes give it, and a code means one thing across plugins.
import { join } from "node:path"
import type { ErrorCatalogue } from "../../plugins/organizations/src/http/domain-errors"
import { ORGANIZATIONS_ERRORS } from "../../plugins/organizations/src/errors"
import { FRAMEWORK_CONTRACTS_ERRORS } from "../../plugins/framework-contracts/src/catalog/errors"
import { BUDGET_ERROR_CATALOGUE, BUDGET_ERRORS, CONFLICT_CODES, UNAVAILABLE_CODES } from "../../plugins/budget/src/utils/errors"
import { CONTRACTS_ERRORS, EFIRMA_ERRORS, SPECIFIC_CONTRACT_ERRORS } from "../../plugins/contracts/src/errors"
import { REQUISITIONS_ERRORS } from "../../plugins/requisitions/src/requisitions/errors"
import { SEARCH_ERRORS } from "../../plugins/search/src/errors"
import { COMPETITION_ERRORS, CONFLICT_CODES as COMPETITION_CONFLICTS } from "../../plugins/mini-competition/src/competition/errors"
import { E_INVOICING_ERRORS } from "../../plugins/e-invoicing/src/errors"
import { CLABE_ERRORS } from "../../plugins/e-invoicing/src/bank-accounts/clabe"
import { CODE, codeSites } from "./error-codes"

const root = join(__dirname, "..", "..")

const PLUGINS: Record<string, { catalogue: ErrorCatalogue; names?: Record<string, string> }> = {
  organizations: { catalogue: ORGANIZATIONS_ERRORS },
  "framework-contracts": { catalogue: FRAMEWORK_CONTRACTS_ERRORS },
  budget: { catalogue: BUDGET_ERROR_CATALOGUE, names: BUDGET_ERRORS },
  contracts: { catalogue: CONTRACTS_ERRORS, names: { ...SPECIFIC_CONTRACT_ERRORS, ...EFIRMA_ERRORS } },
  requisitions: { catalogue: REQUISITIONS_ERRORS },
  search: { catalogue: SEARCH_ERRORS },
  "mini-competition": { catalogue: COMPETITION_ERRORS },
  "e-invoicing": { catalogue: E_INVOICING_ERRORS, names: CLABE_ERRORS },
}

/** The status a `new MedusaError(MedusaError.Types.X, …)` throw answers, unless a route maps its code to 409/503. */
const STATUS_OF_TYPE: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401 }

const sitesOf = Object.fromEntries(
  Object.entries(PLUGINS).map(([plugin, { names }]) => [plugin, codeSites(join(root, "plugins", plugin, "src"), names, root)]),
)
const where = (s: { file: string; line: number }) => `${s.file}:${s.line}`

describe.each(Object.keys(PLUGINS))("the %s error catalogue", (plugin) => {
  const { catalogue } = PLUGINS[plugin]
  const sites = sitesOf[plugin]

  it("lists every code the plugin's source throws, reports or maps", () => {
    expect(sites.length).toBeGreaterThan(0)
    const missing = sites.filter((s) => !(s.code in catalogue)).map((s) => `${s.code} at ${where(s)}`)
    expect(missing).toEqual([])
  })

  it("has stable UPPER_SNAKE codes with a Spanish meaning, none of them dead", () => {
    for (const [code, entry] of Object.entries(catalogue)) {
      expect(code).toMatch(CODE)
      expect(entry.message.trim().length).toBeGreaterThan(10)
    }
    const used = new Set(sites.map((s) => s.code))
    expect(Object.keys(catalogue).filter((code) => !used.has(code))).toEqual([])
  })

  it("gives each code the status its throws and routes answer", () => {
    const wrong: string[] = []
    for (const s of sites) {
      const status = catalogue[s.code]?.status
      if (status === undefined) {
        continue
      }
      if (s.how === "conflict" && status !== 409) {
        wrong.push(`${s.code} is mapped to 409 at ${where(s)}, catalogued ${status}`)
      }
      if (s.how === "unavailable" && status !== 503) {
        wrong.push(`${s.code} is mapped to 503 at ${where(s)}, catalogued ${status}`)
      }
      const implied = s.type ? STATUS_OF_TYPE[s.type] : undefined
      if (implied && status !== implied) {
        wrong.push(`${s.code} is thrown as ${s.type} at ${where(s)}, catalogued ${status}`)
      }
    }
    expect(wrong).toEqual([])
  })
})

/**
 * Codes thrown by one plugin and answered 409 by another plugin's route
 * (withDomainErrors): the status depends on the route that answers. Known,
 * listed, and nothing else may differ.
 */
const ROUTE_MAPPED = new Set([
  "IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO", // 409 through budget's routes, 400 from requisitions' contract generation
  "REQUISICION_NO_REQUIERE_COMPETENCIA", // 400 from requisitions, 409 through mini-competition's routes
  "CLC_NO_PAGADA", // 400 from budget's CLC check, 409 through e-invoicing's confirm-payment route
])

describe("error codes across plugins", () => {
  it("mean one thing: a code in two catalogues has one status", () => {
    const statusOf = new Map<string, { plugin: string; status: number | null }>()
    const clashes: string[] = []
    for (const [plugin, { catalogue }] of Object.entries(PLUGINS)) {
      for (const [code, { status }] of Object.entries(catalogue)) {
        const seen = statusOf.get(code)
        if (seen && seen.status !== status && !ROUTE_MAPPED.has(code)) {
          clashes.push(`${code}: ${seen.plugin} ${seen.status}, ${plugin} ${status}`)
        }
        statusOf.set(code, { plugin, status })
      }
    }
    expect(clashes).toEqual([])
  })

  it("derive the routes' 409 and 503 lists from the catalogues", () => {
    expect([...CONFLICT_CODES].sort()).toEqual([
      "FONDOS_INSUFICIENTES",
      "IDEMPOTENCIA_CONFLICTO",
      "IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO",
      "RESERVA_SIN_SALDO",
    ])
    expect(UNAVAILABLE_CODES).toEqual(["SICOP_SIAFF_NO_DISPONIBLE"])
    expect(COMPETITION_CONFLICTS).toHaveLength(16)
    expect(COMPETITION_CONFLICTS).toEqual(expect.arrayContaining(["COMPETENCIA_NO_ABIERTA", "PROPUESTA_EXTEMPORANEA", "PLAZO_NO_VENCIDO"]))
  })
})
