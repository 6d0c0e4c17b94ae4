import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { fcService } from "../../helpers"
import type { AdminListClassifierType } from "../../validators"

/** Children of a classifier node (segments when no parent), with the COG partida in force. */
export const GET = async (req: AuthorizedRequest<unknown, AdminListClassifierType>, res: MedusaResponse) => {
  const { parent_code, q } = req.validatedQuery
  const service = fcService(req.scope)
  const filters: Record<string, unknown> = q ? { title_es: { $ilike: `%${q}%` } } : { parent_code: parent_code ?? null }
  const codes = await service.listUnspscCodes(filters, { order: { code: "ASC" }, take: 500 })
  const crosswalk = await service.listCogCrosswalks({ unspsc_code: codes.map((c) => c.code), valid_until: null }, { take: null })
  res.json({
    codes: codes.map((c) => ({
      code: c.code,
      level: c.level,
      parent_code: c.parent_code,
      title_es: c.title_es,
      title_en: c.title_en,
      version: c.version,
      cog_partida: crosswalk.find((x) => x.unspsc_code === c.code)?.partida ?? null,
    })),
  })
}
