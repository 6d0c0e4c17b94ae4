import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorize, idempotent, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { SupplierListInvoices, SupplierSubmitComplement, SupplierSubmitCreditNote, SupplierSubmitInvoice } from "./validators"
import { listSupplierInvoicesQueryConfig } from "../supplier/invoices/query-config"

const supplier = ["supplier" as const]

/** The supplier presents its CFDIs (the act that binds the company on the contract) and follows their payment. */
export const invoicingMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/supplier/invoices",
    middlewares: [
      ...authorize({ actors: supplier, permission: P.SPECIFIC_CONTRACTS_READ }),
      validateQuery(SupplierListInvoices, listSupplierInvoicesQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/supplier/invoices",
    middlewares: [
      ...authorize({ actors: supplier, permission: P.CONTRACTS_SIGN_SUPPLIER }),
      idempotent(),
      validateBody(SupplierSubmitInvoice),
    ],
  },
  {
    method: ["POST"],
    matcher: "/supplier/invoices/:id/payment-complement",
    middlewares: [
      ...authorize({ actors: supplier, permission: P.CONTRACTS_SIGN_SUPPLIER }),
      idempotent(),
      validateBody(SupplierSubmitComplement),
    ],
  },
  {
    method: ["POST"],
    matcher: "/supplier/invoices/:id/credit-note",
    middlewares: [
      ...authorize({ actors: supplier, permission: P.CONTRACTS_SIGN_SUPPLIER }),
      idempotent(),
      validateBody(SupplierSubmitCreditNote),
    ],
  },
  {
    method: ["GET"],
    matcher: "/supplier/invoices/:id",
    middlewares: [...authorize({ actors: supplier, permission: P.SPECIFIC_CONTRACTS_READ })],
  },
]
