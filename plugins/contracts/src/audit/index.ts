export * from "./entry"
export * from "./verify"
