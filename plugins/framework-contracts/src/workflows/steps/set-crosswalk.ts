import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isCogPartida } from "../../catalog/unspsc"
import { fc, invalid } from "./service"

export type SetCrosswalkStepInput = {
  unspsc_code: string
  partida: string
  partida_title: string
  changed_by: string | null
  at: string
}

export const setCrosswalkStepId = "framework-contracts-set-crosswalk"
/**
 * This step maps a UNSPSC commodity to a COG partida específica, closing the
 * mapping in force (history is kept).
 */
export const setCrosswalkStep = createStep(
  setCrosswalkStepId,
  async (input: SetCrosswalkStepInput, { container }) => {
    const service = fc(container)
    const [code] = await service.listUnspscCodes({ code: input.unspsc_code }, { take: 1 })
    if (!code || code.level !== "commodity") {
      invalid("UNSPSC_NO_ES_ARTICULO", `«${input.unspsc_code}» no es un artículo (commodity) del clasificador UNSPSC.`)
    }
    if (!isCogPartida(input.partida)) {
      invalid("PARTIDA_INVALIDA", `«${input.partida}» no es una partida específica del COG (5 dígitos).`)
    }
    const at = new Date(input.at)
    const [current] = await service.listCogCrosswalks({ unspsc_code: input.unspsc_code, valid_until: null }, { take: 1 })
    if (current) {
      await service.updateCogCrosswalks({ id: current.id, valid_until: at })
    }
    const row = await service.createCogCrosswalks({
      unspsc_code: input.unspsc_code,
      partida: input.partida,
      partida_title: input.partida_title,
      valid_from: at,
      changed_by: input.changed_by,
    })
    return new StepResponse(row, { id: row.id, closed: current?.id ?? null })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = fc(container)
    await service.deleteCogCrosswalks(undo.id)
    if (undo.closed) {
      await service.updateCogCrosswalks({ id: undo.closed, valid_until: null })
    }
  },
)
