// The audit step lives in @tienda/organizations (the shared audit sink, so
// plugins that cannot depend on contracts can record too); this module keeps
// the historical import path of @tienda/contracts/workflows.
export {
  appendAuditEntriesStep,
  appendAuditEntriesStepId,
  appendAuditEntryStep,
  appendAuditEntryStepId,
  type AppendAuditEntryStepInput,
} from "@tienda/organizations/audit"
