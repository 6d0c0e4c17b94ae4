export * from "./document"
export * from "./summaries"
export * from "./check"
