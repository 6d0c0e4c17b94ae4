export { default as AuditEntry } from "./audit-entry"
export { default as AuditCheckpoint } from "./audit-checkpoint"
