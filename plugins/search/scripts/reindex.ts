import type { ExecArgs } from "@medusajs/framework/types"
import { reindexCatalog } from "@tienda/search/indexing/index"

/** A text progress bar on one line (redrawn in place on a terminal). */
function bar({ done, total }: { done: number; total: number }) {
  const width = 30
  const ratio = total ? Math.min(1, done / total) : 1
  const filled = Math.round(ratio * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done}/${total} artículos`
}

/** `npm run search:reindex` (through `medusa exec`): rebuilds the catalog search index. */
export default async function reindex({ container }: ExecArgs) {
  const started = Date.now()
  const tty = process.stdout.isTTY
  let lastLine = 0
  const result = await reindexCatalog(container, {
    onProgress: (p) => {
      if (tty) {
        process.stdout.write(`\r${bar(p)}`)
      } else if (Date.now() - lastLine > 2000 || p.done === p.total) {
        lastLine = Date.now()
        process.stdout.write(`${bar(p)}\n`)
      }
    },
  })
  process.stdout.write(
    `${tty ? "\n" : ""}Índice de búsqueda (${result.provider}): ${result.indexed} documentos, ${result.removed + result.pruned} eliminados, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  )
}
