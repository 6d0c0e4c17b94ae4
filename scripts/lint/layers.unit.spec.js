// The layering rule of docs/adr/0009-plugin-layering.md, run through ESLint
// with the project's own configuration on imports that break it and on
// imports that keep it.
// ESLint runs in a child process: its flat config is an ES module, which
// Jest's module sandbox cannot import without flags.
const { spawnSync } = require("node:child_process")
const { join } = require("node:path")

const root = join(__dirname, "..", "..")

async function layeringErrors(file, code) {
  const r = spawnSync(join(root, "node_modules", ".bin", "eslint"), ["--format", "json", "--stdin", "--stdin-filename", join(root, file)], {
    cwd: root,
    input: code,
    encoding: "utf8",
  })
  const [result] = JSON.parse(r.stdout)
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message)
}

describe("plugin layering lint", () => {
  jest.setTimeout(120 * 1000)

  it("refuses an import from a higher layer and from the same layer", async () => {
    const up = await layeringErrors("plugins/budget/src/utils/x.ts", 'import { a } from "@tienda/requisitions/workflows"\nexport const b = a\n')
    expect(up).toHaveLength(1)
    expect(up[0]).toContain("plugins/budget (layer 1) may not import @tienda/requisitions (layer 2)")
    const same = await layeringErrors("plugins/search/src/x.ts", 'import { a } from "@tienda/requisitions"\nexport const b = a\n')
    expect(same[0]).toContain("plugins/search (layer 2) may not import @tienda/requisitions (layer 2)")
  })

  it("allows imports from lower layers and the composition workspaces", async () => {
    expect(await layeringErrors("plugins/requisitions/src/x.ts", 'import { a } from "@tienda/budget/workflows"\nimport { c } from "@tienda/organizations/utils"\nexport const b = [a, c]\n')).toEqual([])
    expect(await layeringErrors("backend/src/x.ts", 'import { a } from "@tienda/requisitions/requisitions"\nexport const b = a\n')).toEqual([])
  })

  it("keeps the storefront and simulators off the store's code but for the browser e.firma module", async () => {
    expect(await layeringErrors("storefront/src/lib/x.ts", 'import { a } from "@tienda/contracts/efirma-client"\nexport const b = a\n')).toEqual([])
    expect(await layeringErrors("storefront/src/lib/x.ts", 'import { a } from "@tienda/contracts/workflows"\nexport const b = a\n')).toHaveLength(1)
    expect(await layeringErrors("simulators/sicop-siaff/src/x.ts", 'import { a } from "@tienda/organizations/utils"\nexport const b = a\n')).toHaveLength(1)
  })
})
