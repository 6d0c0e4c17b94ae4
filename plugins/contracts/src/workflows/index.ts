export * from "./steps/append-audit-entry"
export * from "./record-audit-entry"
export * from "./create-audit-checkpoint"
