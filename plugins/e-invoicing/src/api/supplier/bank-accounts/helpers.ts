import { MedusaError } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { E_INVOICE_MODULE } from "../../../modules/e-invoice"
import type EInvoiceModuleService from "../../../modules/e-invoice/service"

export const bankAccountService = (req: AuthorizedRequest) => req.scope.resolve<EInvoiceModuleService>(E_INVOICE_MODULE)

type Row = Awaited<ReturnType<EInvoiceModuleService["retrieveSupplierBankAccount"]>>

/** What a supplier sees of an account (the signature stays on the server). */
export function bankAccountView(row: Row) {
  return {
    id: row.id,
    clabe: row.clabe,
    bank_code: row.bank_code,
    bank_tag: row.bank_tag,
    bank_name: row.bank_name,
    plaza: row.plaza,
    holder_name: row.holder_name,
    holder_rfc: row.holder_rfc,
    status: row.status,
    efirma_serial: row.efirma_serial,
    signed_at: row.signed_at,
    replaced_at: row.replaced_at,
    replaced_by_id: row.replaced_by_id,
    created_at: row.created_at,
  }
}

/** The caller's supplier organization's legal name (the default account holder). */
export async function supplierLegalName(req: AuthorizedRequest): Promise<string> {
  const orgs = req.scope.resolve<{ retrieveOrganization: (id: string) => Promise<{ legal_name: string }> }>("organization")
  return (await orgs.retrieveOrganization(req.access.organization_id)).legal_name
}

/** 404 unless the account belongs to the caller's supplier organization. */
export async function ownAccount(req: AuthorizedRequest, id: string): Promise<Row> {
  const [row] = await bankAccountService(req).listSupplierBankAccounts({ id, supplier_id: req.access.organization_id }, { take: 1 })
  if (!row) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "La cuenta bancaria no existe o no es de tu empresa.",
      "CUENTA_BANCARIA_NO_ENCONTRADA",
    )
  }
  return row
}
