import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { planBankAccount } from "../../../../workflows/steps/prepare-bank-account"
import { bankAccountService, supplierLegalName } from "../helpers"
import type { SupplierBankAccountSigningPayloadType } from "../validators"

/**
 * GET /supplier/bank-accounts/signing-payload?clabe=… — checks the CLABE
 * (400 with a code when it is not valid) and returns the bank it belongs to
 * and the exact payload to sign with e.firma before POSTing it.
 */
export async function GET(req: AuthorizedRequest<unknown, SupplierBankAccountSigningPayloadType>, res: MedusaResponse) {
  const { clabe, holder_name } = req.validatedQuery
  const plan = await planBankAccount(bankAccountService(req), {
    supplier_id: req.access.organization_id,
    supplier_rfc: req.access.organization_rfc,
    clabe,
    holder_name: holder_name ?? (await supplierLegalName(req)),
  })
  res.json({
    bank: { code: plan.info.bank_code, tag: plan.info.bank_tag, name: plan.info.bank_name, plaza: plan.info.plaza },
    payload: plan.payload,
  })
}
