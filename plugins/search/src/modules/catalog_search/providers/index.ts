export * from "./postgres"
export * from "./meilisearch"
export * from "./facets"
export * from "./query-terms"
