/**
 * e.firma (SAT FIEL) for Tienda Digital: certificate parsing and validation,
 * the trusted-CA bundle, signature verification and the test CA. See
 * docs/efirma.md.
 */
export { EFIRMA_ERRORS, efirmaError, type EfirmaErrorCode } from "../errors"
export * from "./certificate"
export * from "./checks"
export * from "./config"
export * from "./trust-store"
export * from "./verify"
export * from "./test-ca"
export * from "./test-ca-files"
