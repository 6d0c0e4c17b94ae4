import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { analyzeClabe, bankAccountSignedPayload, type ClabeInfo } from "../../bank-accounts/clabe"
import { E_INVOICE_MODULE } from "../../modules/e-invoice"
import type EInvoiceModuleService from "../../modules/e-invoice/service"

export type PrepareBankAccountStepInput = {
  supplier_id: string
  supplier_rfc: string
  clabe: string
  holder_name: string
}

export type PreparedBankAccount = {
  info: ClabeInfo
  previous: { id: string; clabe: string } | null
  /** What the supplier must have signed with e.firma. */
  payload: ReturnType<typeof bankAccountSignedPayload>
}

/** The plan of a CLABE registration: the checked CLABE, the account it replaces and the payload to sign. */
export async function planBankAccount(service: EInvoiceModuleService, input: PrepareBankAccountStepInput): Promise<PreparedBankAccount> {
  const info = await analyzeClabe(input.clabe)
  const [current] = await service.listSupplierBankAccounts({ supplier_id: input.supplier_id, status: "active" }, { take: 1 })
  if (current?.clabe === info.clabe) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `La CLABE ${info.clabe} ya es tu cuenta bancaria vigente; no hay nada que cambiar.`,
      "CLABE_YA_VIGENTE",
    )
  }
  return {
    info,
    previous: current ? { id: current.id, clabe: current.clabe } : null,
    payload: bankAccountSignedPayload({
      supplier_rfc: input.supplier_rfc,
      clabe: info.clabe,
      holder_name: input.holder_name,
      previous_clabe: current?.clabe ?? null,
    }),
  }
}

export const prepareBankAccountStepId = "e-invoicing-prepare-bank-account"
/**
 * This step checks the CLABE (length, check digit, bank) and finds the
 * supplier's active account; it returns the payload the e.firma signature
 * must cover. Read-only: no compensation.
 */
export const prepareBankAccountStep = createStep(prepareBankAccountStepId, async (input: PrepareBankAccountStepInput, { container }) => {
  const service = container.resolve<EInvoiceModuleService>(E_INVOICE_MODULE)
  return new StepResponse(await planBankAccount(service, input))
})
