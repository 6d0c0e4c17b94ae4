import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateFrameworkContractInput } from "../types"
import { dec, fc } from "./service"

export const createFrameworkContractStepId = "framework-contracts-create-contract"
/**
 * This step stores a validated framework contract (draft) with its lots and items.
 */
export const createFrameworkContractStep = createStep(
  createFrameworkContractStepId,
  async (input: CreateFrameworkContractInput, { container }) => {
    const service = fc(container)
    const contract = await service.createFrameworkContracts({
      number: input.number,
      title: input.title,
      description: input.description ?? null,
      legal_basis: input.legal_basis,
      valid_from: new Date(input.valid_from),
      valid_until: new Date(input.valid_until),
      min_amount: dec(input.min_amount),
      max_amount: dec(input.max_amount),
      status: "draft",
    })
    for (const lot of input.lots) {
      const created = await service.createFrameworkLots({
        contract_id: contract.id,
        number: lot.number,
        title: lot.title,
        competition_threshold: dec(lot.competition_threshold),
        min_invitees: lot.min_invitees ?? 3,
        bid_window_business_days: lot.bid_window_business_days ?? 5,
      })
      if (lot.items.length) {
        await service.createFrameworkItems(
          lot.items.map((i) => ({
            lot_id: created.id,
            code: i.code,
            name: i.name,
            description: i.description,
            unspsc_code: i.unspsc_code,
            cog_partida: i.cog_partida as string,
            sat_clave_unidad: i.sat_clave_unidad,
            ceiling_price: dec(i.ceiling_price),
            iva_treatment: i.iva_treatment ?? "tasa_16",
            delivery_states: i.delivery_states as unknown as Record<string, unknown>,
          })),
        )
      }
    }
    return new StepResponse(contract, contract.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service = fc(container)
    const lots = await service.listFrameworkLots({ contract_id: id }, { take: null })
    const items = await service.listFrameworkItems({ lot_id: lots.map((l) => l.id) }, { take: null })
    await service.deleteFrameworkItems(items.map((i) => i.id))
    await service.deleteFrameworkLots(lots.map((l) => l.id))
    await service.deleteFrameworkContracts(id)
  },
)
