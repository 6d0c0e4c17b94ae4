import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { buyerScope, countByNode } from "../../../../catalog/buyer-catalog"
import { fcService } from "../../../helpers"

/**
 * The classifier tree restricted to what the caller's units may buy, with
 * the number of items under each node.
 */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const scope = await buyerScope(req.scope, req.access)
  const service = fcService(req.scope)
  const lots = scope.contract_ids.length ? await service.listFrameworkLots({ contract_id: scope.contract_ids }, { take: null }) : []
  const items = lots.length ? await service.listFrameworkItems({ lot_id: lots.map((l) => l.id) }, { take: null }) : []
  const counts = countByNode(items.map((i) => i.unspsc_code))
  const nodes = counts.size ? await service.listUnspscCodes({ code: [...counts.keys()] }, { take: null }) : []
  type Node = { code: string; level: string; title_es: string; title_en: string | null; count: number; children: Node[] }
  const byCode = new Map<string, Node>(
    nodes.map((n) => [
      n.code,
      { code: n.code, level: n.level, title_es: n.title_es, title_en: n.title_en, count: counts.get(n.code) ?? 0, children: [] },
    ]),
  )
  const roots: Node[] = []
  for (const n of nodes.sort((a, b) => a.code.localeCompare(b.code))) {
    const node = byCode.get(n.code)!
    const parent = n.parent_code ? byCode.get(n.parent_code) : undefined
    if (parent) {
      parent.children.push(node)
    } else {
      roots.push(node)
    }
  }
  res.json({ classifier: roots, items: items.length })
}
