export * from "./build-documents"
export * from "./reindex"
