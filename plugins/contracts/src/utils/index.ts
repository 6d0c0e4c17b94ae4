export * from "./canonical-json"
export * from "./hash"
export * from "../audit"
