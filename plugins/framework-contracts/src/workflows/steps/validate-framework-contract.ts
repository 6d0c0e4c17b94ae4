import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESTADOS_MX } from "@tienda/organizations/utils"
import { CLAVES_UNIDAD } from "../../catalog/sat-units.generated"
import { isCogPartida, unspscLevel } from "../../catalog/unspsc"
import type { CreateFrameworkContractInput, ItemInput } from "../types"
import { fc, invalid } from "./service"

export const validateFrameworkContractStepId = "framework-contracts-validate-contract"
/**
 * This step checks a framework contract before it is stored: unique number,
 * coherent dates and amounts, lots with thresholds, and items that are UNSPSC
 * commodities of the classifier with a COG partida (given or from the
 * crosswalk), a SAT ClaveUnidad, a positive ceiling and valid states.
 * Returns the input with each item's partida resolved.
 */
export const validateFrameworkContractStep = createStep(
  validateFrameworkContractStepId,
  async (input: CreateFrameworkContractInput, { container }) => {
    const service = fc(container)
    const [dup] = await service.listFrameworkContracts({ number: input.number }, { take: 1 })
    if (dup) {
      invalid("CONTRATO_MARCO_DUPLICADO", `Ya existe el contrato marco ${input.number}.`)
    }
    if (new Date(input.valid_until) <= new Date(input.valid_from)) {
      invalid("VIGENCIA_INVALIDA", "La vigencia debe terminar después de iniciar.")
    }
    if (MathBN.lt(input.max_amount, input.min_amount) || MathBN.lte(input.max_amount, 0)) {
      invalid("MONTOS_INVALIDOS", "El monto máximo debe ser positivo y no menor que el mínimo.")
    }
    if (!input.lots?.length) {
      invalid("SIN_LOTES", "El contrato marco necesita al menos una partida (lote).")
    }
    const items: ItemInput[] = input.lots.flatMap((l) => l.items)
    const codes = [...new Set(items.map((i) => i.unspsc_code))]
    const known = codes.length ? await service.listUnspscCodes({ code: codes, is_active: true }, { take: null }) : []
    const crosswalk = codes.length ? await service.listCogCrosswalks({ unspsc_code: codes, valid_until: null }, { take: null }) : []
    const states = new Set(ESTADOS_MX.map((e) => e.id))
    const seen = new Set<string>()
    const lots = input.lots.map((lot) => {
      if (MathBN.lte(lot.competition_threshold, 0)) {
        invalid("UMBRAL_INVALIDO", `El umbral de segunda etapa del lote ${lot.number} debe ser positivo.`)
      }
      return {
        ...lot,
        items: lot.items.map((item) => {
          const where = `Artículo ${item.code} (${item.name})`
          if (seen.has(item.code)) {
            invalid("ARTICULO_DUPLICADO", `${where}: la clave está repetida en el contrato.`)
          }
          seen.add(item.code)
          if (unspscLevel(item.unspsc_code) !== "commodity") {
            invalid("UNSPSC_NO_ES_ARTICULO", `${where}: «${item.unspsc_code}» no es un código UNSPSC de nivel artículo (commodity) válido.`)
          }
          if (!known.some((k) => k.code === item.unspsc_code)) {
            invalid("UNSPSC_NO_CLASIFICADO", `${where}: el código UNSPSC ${item.unspsc_code} no está en el clasificador vigente.`)
          }
          const partida = item.cog_partida ?? crosswalk.find((c) => c.unspsc_code === item.unspsc_code)?.partida ?? null
          if (!partida) {
            invalid(
              "ARTICULO_SIN_PARTIDA",
              `${where}: no tiene partida del Clasificador por Objeto del Gasto (COG) y el código UNSPSC ${item.unspsc_code} no tiene correspondencia registrada.`,
            )
          }
          if (!isCogPartida(partida)) {
            invalid("PARTIDA_INVALIDA", `${where}: «${partida}» no es una partida específica del COG (5 dígitos).`)
          }
          if (!CLAVES_UNIDAD.has(item.sat_clave_unidad)) {
            invalid(
              "CLAVE_UNIDAD_INVALIDA",
              `${where}: «${item.sat_clave_unidad}» no es una clave de unidad del catálogo c_ClaveUnidad del SAT.`,
            )
          }
          if (MathBN.lte(item.ceiling_price, 0)) {
            invalid("PRECIO_TECHO_INVALIDO", `${where}: el precio techo debe ser mayor que cero.`)
          }
          const badState = (item.delivery_states ?? []).find((s) => !states.has(s))
          if (!item.delivery_states?.length || badState) {
            invalid(
              "ZONAS_DE_ENTREGA_INVALIDAS",
              `${where}: indica las entidades federativas de entrega con claves c_Estado válidas${badState ? ` («${badState}» no lo es)` : ""}.`,
            )
          }
          return { ...item, cog_partida: partida }
        }),
      }
    })
    return new StepResponse({ ...input, lots })
  },
)
