export * from "./publish-process"
export * from "./steps/compile-release"
export * from "./steps/append-release"
