import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const resolveSupplierIdsStepId = "framework-contracts-resolve-supplier-ids"
/** This step (read-only) finds the supplier organizations with the given RFCs. */
export const resolveSupplierIdsStep = createStep(resolveSupplierIdsStepId, async (rfcs: string[], { container }) => {
  if (!rfcs.length) {
    return new StepResponse([] as string[])
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "organization", fields: ["id"], filters: { rfc: rfcs } })
  return new StepResponse(data.map((o) => o.id as string))
})
