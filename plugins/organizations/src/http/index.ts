export * from "./authorize"
export * from "./scope"
export * from "./validate"
