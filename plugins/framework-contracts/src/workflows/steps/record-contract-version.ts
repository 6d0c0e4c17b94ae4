import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fc } from "./service"

export type RecordContractVersionStepInput = {
  contract_id: string
  change: string
  recorded_by?: string | null
}

export const FICHA_FIELDS = [
  "id",
  "number",
  "title",
  "description",
  "legal_basis",
  "valid_from",
  "valid_until",
  "status",
  "min_amount",
  "max_amount",
  "currency_code",
  "lots.id",
  "lots.number",
  "lots.title",
  "lots.competition_threshold",
  "lots.min_invitees",
  "lots.bid_window_business_days",
  "lots.items.id",
  "lots.items.code",
  "lots.items.name",
  "lots.items.description",
  "lots.items.unspsc_code",
  "lots.items.cog_partida",
  "lots.items.sat_clave_unidad",
  "lots.items.ceiling_price",
  "lots.items.currency_code",
  "lots.items.iva_treatment",
  "lots.items.delivery_states",
  "supplier_enrolments.supplier_id",
  "supplier_enrolments.status",
  "supplier_enrolments.valid_from",
  "supplier_enrolments.valid_until",
  "unit_enrolments.organization_id",
  "unit_enrolments.unit_id",
]

export const recordContractVersionStepId = "framework-contracts-record-version"
/**
 * This step records the contract's data sheet as it is now, as a new version.
 */
export const recordContractVersionStep = createStep(
  recordContractVersionStepId,
  async (input: RecordContractVersionStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "framework_contract",
      fields: FICHA_FIELDS,
      filters: { id: input.contract_id },
    })
    const service = fc(container)
    const [last] = await service.listContractVersions({ contract_id: input.contract_id }, { order: { version: "DESC" }, take: 1 })
    const version = (last?.version ?? 0) + 1
    const row = await service.createContractVersions({
      contract_id: input.contract_id,
      version,
      change: input.change,
      snapshot: JSON.parse(JSON.stringify(data[0])),
      recorded_by: input.recorded_by ?? null,
    })
    await service.updateFrameworkContracts({ id: input.contract_id, version })
    return new StepResponse(row, { id: row.id, contract_id: input.contract_id, previous: version - 1 })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = fc(container)
    await service.deleteContractVersions(undo.id)
    await service.updateFrameworkContracts({ id: undo.contract_id, version: Math.max(undo.previous, 1) })
  },
)
