import { Module } from "@medusajs/framework/utils"
import AuditLedgerModuleService from "./service"

export const AUDIT_LEDGER_MODULE = "audit_ledger"

export default Module(AUDIT_LEDGER_MODULE, {
  service: AuditLedgerModuleService,
})

export { AuditLedgerModuleService }
