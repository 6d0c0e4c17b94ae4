import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fc, invalid, notFound } from "./service"

export type EnrolSuppliersStepInput = {
  contract_id: string
  supplier_ids: string[]
  valid_from: string
  valid_until?: string | null
}

export const enrolSuppliersStepId = "framework-contracts-enrol-suppliers"
/**
 * This step enrols supplier organizations in a framework contract (or renews
 * an existing enrolment's period).
 */
export const enrolSuppliersStep = createStep(
  enrolSuppliersStepId,
  async (input: EnrolSuppliersStepInput, { container }) => {
    const service = fc(container)
    const [contract] = await service.listFrameworkContracts({ id: input.contract_id }, { take: 1 })
    if (!contract) {
      notFound("CONTRATO_MARCO_NO_EXISTE", `El contrato marco ${input.contract_id} no existe.`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orgs } = await query.graph({
      entity: "organization",
      fields: ["id", "kind", "legal_name"],
      filters: { id: input.supplier_ids },
    })
    for (const id of input.supplier_ids) {
      const org = orgs.find((o) => o.id === id)
      if (!org || org.kind !== "supplier") {
        invalid("NO_ES_PROVEEDOR", `${id} no es un proveedor registrado.`)
      }
    }
    const existing = await service.listSupplierEnrolments({ contract_id: contract.id, supplier_id: input.supplier_ids }, { take: null })
    const previous = existing.map((e) => ({
      id: e.id,
      valid_from: e.valid_from,
      valid_until: e.valid_until,
      status: e.status,
    }))
    const period = {
      valid_from: new Date(input.valid_from),
      valid_until: input.valid_until ? new Date(input.valid_until) : null,
    }
    if (existing.length) {
      await service.updateSupplierEnrolments(existing.map((e) => ({ id: e.id, ...period, status: "active" as const })))
    }
    const fresh = input.supplier_ids.filter((id) => !existing.some((e) => e.supplier_id === id))
    const created = fresh.length
      ? await service.createSupplierEnrolments(fresh.map((supplier_id) => ({ contract_id: contract.id, supplier_id, ...period })))
      : []
    return new StepResponse(created.length + existing.length, { created: created.map((c) => c.id), previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = fc(container)
    if (undo.created.length) {
      await service.deleteSupplierEnrolments(undo.created)
    }
    if (undo.previous.length) {
      await service.updateSupplierEnrolments(undo.previous)
    }
  },
)
