// The layering rule of docs/adr/0009-plugin-layering.md, run through ESLint
// with the project's own configuration on imports that break it and on
// imports that keep it.
// ESLint runs once, in a child process (its flat config is an ES module,
// which Jest's module sandbox cannot import without flags), on every sample.
import { spawnSync } from "node:child_process"
import { join } from "node:path"

const root = join(__dirname, "..", "..")
const SAMPLES: Record<string, [string, string]> = {
  budgetImportsRequisitions: ["plugins/budget/src/utils/x.ts", 'import { a } from "@tienda/requisitions/workflows"\nexport const b = a\n'],
  searchImportsRequisitions: ["plugins/search/src/x.ts", 'import { a } from "@tienda/requisitions"\nexport const b = a\n'],
  requisitionsImportsLower: [
    "plugins/requisitions/src/x.ts",
    'import { a } from "@tienda/budget/workflows"\nimport { c } from "@tienda/organizations/utils"\nexport const b = [a, c]\n',
  ],
  backendImportsAny: ["backend/src/x.ts", 'import { a } from "@tienda/requisitions/requisitions"\nexport const b = a\n'],
  storefrontImportsEfirmaClient: ["storefront/src/lib/x.ts", 'import { a } from "@tienda/contracts/efirma-client"\nexport const b = a\n'],
  storefrontImportsWorkflows: ["storefront/src/lib/x.ts", 'import { a } from "@tienda/contracts/workflows"\nexport const b = a\n'],
  simulatorImportsOrganizations: [
    "simulators/sicop-siaff/src/x.ts",
    'import { a } from "@tienda/organizations/utils"\nexport const b = a\n',
  ],
}

let errors: Record<string, string[]> | undefined
function layeringErrors(name: string): string[] {
  if (!errors) {
    const script = `
      const { ESLint } = require("eslint")
      const samples = JSON.parse(process.argv[1])
      ;(async () => {
        const eslint = new ESLint({ cwd: process.cwd() })
        const out = {}
        for (const [name, [file, code]] of Object.entries(samples)) {
          const [r] = await eslint.lintText(code, { filePath: require("node:path").join(process.cwd(), file) })
          out[name] = r.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message)
        }
        process.stdout.write(JSON.stringify(out))
      })()`
    const r = spawnSync(process.execPath, ["-e", script, JSON.stringify(SAMPLES)], { cwd: root, encoding: "utf8" })
    if (r.status !== 0) {
      throw new Error(r.stderr)
    }
    errors = JSON.parse(r.stdout)
  }
  return errors[name]
}

describe("plugin layering lint", () => {
  jest.setTimeout(120 * 1000)

  it("refuses an import from a higher layer and from the same layer", () => {
    const up = layeringErrors("budgetImportsRequisitions")
    expect(up).toHaveLength(1)
    expect(up[0]).toContain("plugins/budget (layer 1) may not import @tienda/requisitions (layer 2)")
    const same = layeringErrors("searchImportsRequisitions")
    expect(same[0]).toContain("plugins/search (layer 2) may not import @tienda/requisitions (layer 2)")
  })

  it("allows imports from lower layers and the composition workspaces", () => {
    expect(layeringErrors("requisitionsImportsLower")).toEqual([])
    expect(layeringErrors("backendImportsAny")).toEqual([])
  })

  it("keeps the storefront and simulators off the store's code but for the browser e.firma module", () => {
    expect(layeringErrors("storefrontImportsEfirmaClient")).toEqual([])
    expect(layeringErrors("storefrontImportsWorkflows")).toHaveLength(1)
    expect(layeringErrors("simulatorImportsOrganizations")).toHaveLength(1)
  })
})
