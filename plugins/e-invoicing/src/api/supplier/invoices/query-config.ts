import type { ListQueryConfig } from "@tienda/organizations/http"

/** What `GET /supplier/invoices` answers per invoice without `?fields=`: its columns (no XML) and its payment. */
export const defaultSupplierInvoiceFields = [
  "id",
  "uuid",
  "order_id",
  "specific_contract_id",
  "supplier_id",
  "agency_id",
  "status",
  "serie",
  "folio",
  "issued_at",
  "metodo_pago",
  "subtotal",
  "iva",
  "total",
  "currency_code",
  "summary",
  "lines",
  "accepted_at",
  "due_date",
  "match",
  "exception_reason",
  "submitted_by_person_id",
  "created_at",
  "updated_at",
  "payment",
] as const

export const listSupplierInvoicesQueryConfig: ListQueryConfig = { defaults: defaultSupplierInvoiceFields, isList: true }
