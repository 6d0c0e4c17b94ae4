export * from "../access"
