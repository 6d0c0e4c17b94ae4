import { MedusaService } from "@medusajs/framework/utils"
import { SupplierBankAccount } from "./models"

/** Data only: supplier bank accounts (later: shipments, receptions, invoices, payment requests). */
class EInvoiceModuleService extends MedusaService({ SupplierBankAccount }) {}

export default EInvoiceModuleService
