import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE, type SpecificContractModuleService } from "@tienda/contracts/modules/specific-contract"
import { sendNotifications, type NotificationRequest } from "../../notifications/notify"

export type NotifyContractPartiesInput = {
  template: "contract_awaits_signature" | "order_released"
  contract_ids: string[]
  /** Display id of the released order (order_released). */
  order?: string | null
}

export const notifyContractPartiesStepId = "requisitions-notify-contract-parties"

/**
 * This step tells the supplier's designated signer (and, for a released
 * order, the agency's signer) in es-MX. It runs last: a notification cannot
 * be unsent, and a failed one is logged without undoing anything.
 */
export const notifyContractPartiesStep = createStep(
  notifyContractPartiesStepId,
  async (input: NotifyContractPartiesInput, { container }) => {
    const contracts = await container
      .resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
      .listSpecificContracts(
        { id: input.contract_ids },
        { select: ["id", "number", "total", "data", "supplier_signer_person_id", "agency_signer_person_id"], take: null },
      )
    const org = container.resolve("organization") as { listPeople: (f: object, c: object) => Promise<{ id: string; email: string }[]> }
    const people = await org.listPeople(
      { id: contracts.flatMap((c) => [c.supplier_signer_person_id, c.agency_signer_person_id]) },
      { take: null },
    )
    const email = (id: string) => people.find((p) => p.id === id)?.email
    const requests: NotificationRequest[] = contracts.map((c) => ({
      template: input.template,
      to: [email(c.supplier_signer_person_id), ...(input.template === "order_released" ? [email(c.agency_signer_person_id)] : [])].filter(
        (e): e is string => !!e,
      ),
      data: {
        contract_number: c.number,
        contract_total: MathBN.convert(String(c.total)).toFixed(2),
        agency: (c.data as { agency?: { legal_name?: string } }).agency?.legal_name ?? "",
        order: input.order ?? "",
      },
    }))
    return new StepResponse(await sendNotifications(container, requests))
  },
)
