import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE } from "@tienda/budget/modules/budget"
import type { InvoicedLine } from "../../invoicing/context"
import { threeWayMatch } from "../../invoicing/match"
import { contractOfOrder, einv, tallyOf } from "./load"

type Budget = {
  listBudgetMovements: (f: object, c?: object) => Promise<{ id: string }[]>
  remainingOf: (id: string) => Promise<string>
}

/** The idempotency key of a contract's commitment (requisitions' release-contract-order). */
export const commitmentKeyOf = (contractId: string) => `specific_contract:${contractId}:compromiso`

export const evaluateMatchStepId = "e-invoicing-evaluate-match"
/**
 * This step runs the three-way match of an accepted invoice (read-only):
 * the contract, the order's receptions and the CFDI, and the contract's
 * commitment that must hold the amount to accrue it.
 */
export const evaluateMatchStep = createStep(evaluateMatchStepId, async (input: { invoice_id: string }, { container }) => {
  const invoice = await einv(container).retrieveInvoice(input.invoice_id)
  const contract = await contractOfOrder(container, invoice.order_id, { agency_id: invoice.agency_id })
  const budget = container.resolve<Budget>(BUDGET_MODULE)
  const [commit] = await budget.listBudgetMovements({ idempotency_key: commitmentKeyOf(contract.contract_id) }, { take: 1, select: ["id"] })
  const result = threeWayMatch({
    contract_lines: contract.lines,
    tally: await tallyOf(container, invoice.order_id),
    invoice: { total: invoice.total, lines: invoice.lines as unknown as InvoicedLine[] },
    commitment_remaining: commit ? await budget.remainingOf(commit.id) : null,
  })
  return new StepResponse({
    invoice: {
      id: invoice.id,
      uuid: invoice.uuid,
      total: invoice.total,
      due_date: invoice.due_date,
      order_id: invoice.order_id,
      supplier_id: invoice.supplier_id,
      agency_id: invoice.agency_id,
    },
    contract: { id: contract.contract_id, number: contract.number, budget_key_id: contract.budget_key_id },
    commit_movement_id: commit?.id ?? null,
    result,
  })
})
