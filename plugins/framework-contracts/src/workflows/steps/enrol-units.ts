import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fc, invalid, notFound } from "./service"

export type EnrolUnitsStepInput = { contract_id: string; unit_ids: string[] }

export const enrolUnitsStepId = "framework-contracts-enrol-units"
/**
 * This step allows agency units to buy under a framework contract.
 */
export const enrolUnitsStep = createStep(
  enrolUnitsStepId,
  async (input: EnrolUnitsStepInput, { container }) => {
    const service = fc(container)
    const [contract] = await service.listFrameworkContracts({ id: input.contract_id }, { take: 1 })
    if (!contract) {
      notFound("CONTRATO_MARCO_NO_EXISTE", `El contrato marco ${input.contract_id} no existe.`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: units } = await query.graph({
      entity: "organization_unit",
      fields: ["id", "organization.id", "organization.kind"],
      filters: { id: input.unit_ids },
    })
    for (const id of input.unit_ids) {
      const u = units.find((x) => x.id === id)
      if (!u || u.organization?.kind !== "agency") {
        invalid("UNIDAD_INVALIDA", `${id} no es una unidad de una dependencia o entidad.`)
      }
    }
    const existing = await service.listUnitEnrolments({ contract_id: contract.id, unit_id: input.unit_ids }, { take: null })
    const fresh = units.filter((u) => !existing.some((e) => e.unit_id === u.id))
    const created = fresh.length
      ? await service.createUnitEnrolments(
          fresh.map((u) => ({ contract_id: contract.id, unit_id: u.id, organization_id: u.organization!.id })),
        )
      : []
    return new StepResponse(
      created.length,
      created.map((c) => c.id),
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await fc(container).deleteUnitEnrolments(ids)
  },
)
