export * from "./authorize"
export * from "./audit-actor"
export * from "./scope"
export * from "./validate"
