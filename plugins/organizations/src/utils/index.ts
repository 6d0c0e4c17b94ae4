export * from "../access"
export * from "./version-token"
