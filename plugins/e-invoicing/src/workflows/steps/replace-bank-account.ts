import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { E_INVOICE_MODULE } from "../../modules/e-invoice"
import type EInvoiceModuleService from "../../modules/e-invoice/service"

export type ReplaceBankAccountStepInput = {
  supplier_id: string
  previous_id: string | null
  account: {
    clabe: string
    bank_code: string
    bank_tag: string
    bank_name: string
    plaza: string | null
    holder_name: string
    holder_rfc: string
    signed_by_person_id: string
    efirma_serial: string
    signature: string
    payload_sha256: string
    signed_at: Date
  }
}

type Undo = { created_id: string; previous_id: string | null }

export const replaceBankAccountStepId = "e-invoicing-replace-bank-account"
/**
 * This step makes the new CLABE the supplier's active account: the previous
 * one (if any) becomes "replaced" first (one active account per supplier is
 * a unique index), then the new one is created. Its compensation deletes the
 * new account and reactivates the previous one.
 */
export const replaceBankAccountStep = createStep(
  replaceBankAccountStepId,
  async (input: ReplaceBankAccountStepInput, { container }) => {
    const service = container.resolve<EInvoiceModuleService>(E_INVOICE_MODULE)
    const now = new Date()
    if (input.previous_id) {
      await service.updateSupplierBankAccounts({ id: input.previous_id, status: "replaced", replaced_at: now })
    }
    const created = await service.createSupplierBankAccounts({ ...input.account, supplier_id: input.supplier_id, status: "active" })
    if (input.previous_id) {
      await service.updateSupplierBankAccounts({ id: input.previous_id, replaced_by_id: created.id })
    }
    return new StepResponse(created, { created_id: created.id, previous_id: input.previous_id } satisfies Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<EInvoiceModuleService>(E_INVOICE_MODULE)
    await service.deleteSupplierBankAccounts(undo.created_id)
    if (undo.previous_id) {
      await service.updateSupplierBankAccounts({ id: undo.previous_id, status: "active", replaced_at: null, replaced_by_id: null })
    }
  },
)
