// The plugin layering of docs/adr/0009-plugin-layering.md as data, and the
// ESLint blocks that enforce it: a plugin imports `@tienda/<other>` only when
// <other> sits in a lower layer. Same-layer and upward imports fail lint.
import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"

/** Layer of every plugin (0 = bottom). A new plugin must be added here. */
export const PLUGIN_LAYERS = {
  organizations: 0,
  "framework-contracts": 1,
  budget: 1,
  contracts: 1,
  requisitions: 2,
  search: 2,
  "mini-competition": 3,
  "e-invoicing": 3,
  transparency: 4,
}

/**
 * What the other workspaces may import. The backend and the seed compose
 * everything; the storefront talks HTTP and may only use the dependency-free
 * browser e.firma module; simulators stand for outside systems and import
 * nothing of ours.
 */
const OTHER_WORKSPACES = [
  {
    files: ["storefront/**/*.{ts,tsx,mjs,js}"],
    allow: ["@tienda/contracts/efirma-client"],
    why: "the storefront talks to the backend over HTTP; only the browser e.firma module is shared",
  },
  {
    files: ["simulators/**/*.{ts,mjs,js}"],
    allow: [],
    why: "a simulator stands for an outside government system and shares no code with the store",
  },
]

const message = (plugin, target) =>
  `Layering (docs/adr/0009-plugin-layering.md): plugins/${plugin} (layer ${PLUGIN_LAYERS[plugin]}) may not import @tienda/${target} (layer ${PLUGIN_LAYERS[target]}). ` +
  "A plugin imports only from lower layers; move the flow up to the plugin that owns it, or the shared piece down."

export function layeringBlocks(root) {
  const plugins = readdirSync(join(root, "plugins")).filter((d) => statSync(join(root, "plugins", d)).isDirectory())
  const unknown = plugins.filter((p) => !(p in PLUGIN_LAYERS))
  if (unknown.length) {
    throw new Error(
      `plugins/${unknown.join(", plugins/")} has no layer: add it to PLUGIN_LAYERS in scripts/lint/layers.mjs and to the graph in docs/adr/0009-plugin-layering.md`,
    )
  }
  const blocks = plugins.map((plugin) => {
    const forbidden = Object.keys(PLUGIN_LAYERS).filter((t) => t !== plugin && PLUGIN_LAYERS[t] >= PLUGIN_LAYERS[plugin])
    return {
      files: [`plugins/${plugin}/**/*.{ts,tsx,mjs,js}`],
      rules: {
        "no-restricted-imports": [
          "error",
          { patterns: forbidden.map((t) => ({ group: [`@tienda/${t}`, `@tienda/${t}/*`], message: message(plugin, t) })) },
        ],
      },
    }
  })
  for (const w of OTHER_WORKSPACES) {
    blocks.push({
      files: w.files,
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                regex: w.allow.length ? `^@tienda/(?!(${w.allow.map((a) => a.slice("@tienda/".length)).join("|")})$)` : "^@tienda/",
                message: `Layering (docs/adr/0009-plugin-layering.md): ${w.why}.`,
              },
            ],
          },
        ],
      },
    })
  }
  return blocks
}
