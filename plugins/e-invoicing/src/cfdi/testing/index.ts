/** Test PKI and CFDI fixtures (tests, the fixtures script and the demo; never production). */
export * from "./pki"
export * from "./fixtures"
