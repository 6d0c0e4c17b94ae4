import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export type CreatePaymentRequestStepInput = {
  invoice_id: string
  order_id: string
  specific_contract_id: string
  supplier_id: string
  agency_id: string
  budget_key_id: string
  amount: string
  penalty_deduction: string
  net_amount: string
  deductions: { reception_id: string; amount: string }[]
  due_date: string
  accrue_movement_id: string
}

export const createPaymentRequestStepId = "e-invoicing-create-payment-request"
/**
 * This step opens the invoice's payment request (one per invoice: unique
 * index); with a pena convencional withheld it owes the supplier's nota de
 * crédito (`credit_note_status: pending`). Compensation deletes it.
 */
export const createPaymentRequestStep = createStep(
  createPaymentRequestStepId,
  async (input: CreatePaymentRequestStepInput, { container }) => {
    const created = await einv(container).createPaymentRequests({
      ...input,
      deductions: input.deductions as unknown as Record<string, unknown>,
      status: "pending_authorization",
      credit_note_status: MathBN.gt(input.penalty_deduction, 0) ? ("pending" as const) : null,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await einv(container).deletePaymentRequests(id)
    }
  },
)
