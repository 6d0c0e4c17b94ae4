export * from "./render"
export * from "./template"
