import { Module } from "@medusajs/framework/utils"
import EInvoiceModuleService from "./service"

export const E_INVOICE_MODULE = "e_invoice"

export default Module(E_INVOICE_MODULE, { service: EInvoiceModuleService })
