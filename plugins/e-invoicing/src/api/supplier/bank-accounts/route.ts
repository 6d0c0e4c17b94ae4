import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { registerBankAccountWorkflow } from "../../../workflows/register-bank-account"
import { bankAccountService, bankAccountView, supplierLegalName } from "./helpers"
import type { SupplierListBankAccountsType, SupplierRegisterBankAccountType } from "./validators"

/** GET /supplier/bank-accounts — the supplier's accounts, the active one first, then the history. */
export async function GET(req: AuthorizedRequest<unknown, SupplierListBankAccountsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const [rows, count] = await bankAccountService(req).listAndCountSupplierBankAccounts(
    { supplier_id: req.access.organization_id, ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { status: "ASC", created_at: "DESC" } },
  )
  res.json({ bank_accounts: rows.map(bankAccountView), count, limit, offset })
}

/**
 * POST /supplier/bank-accounts — registers or changes the supplier's CLABE,
 * signed with the caller's e.firma over the payload of
 * GET /supplier/bank-accounts/signing-payload.
 */
export async function POST(req: AuthorizedRequest<SupplierRegisterBankAccountType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await registerBankAccountWorkflow(req.scope).run({
    input: {
      supplier_id: req.access.organization_id,
      supplier_rfc: req.access.organization_rfc,
      person_id: req.access.person_id,
      actor: auditActorOf(req),
      clabe: body.clabe,
      holder_name: body.holder_name ?? (await supplierLegalName(req)),
      envelope: { certificate: body.certificate, signature: body.signature },
    },
  })
  res.status(201).json({ bank_account: bankAccountView(result) })
}
