/**
 * CFDI 4.0 validation engine and issuing helpers (no Medusa imports: the SAT
 * simulator uses this module too). See docs/e-invoicing.md.
 */
export * from "./rules"
export * from "./types"
export * from "./catalogs"
export * from "./cadena"
export * from "./certificate"
export * from "./document"
export * from "./evaluate"
export * from "./expression"
export * from "./issue"
export * from "./sat-status"
export * from "./validate"
export * from "./xsd"
export { normalizeName } from "./rules/parties"
export { UUID_RE } from "./rules/stamp"
export type { CfdiEvidence } from "./rules/context"
export * from "./complement"
export * from "./credit-note"
