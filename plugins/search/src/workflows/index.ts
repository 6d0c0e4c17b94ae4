export * from "./sync-search-index"
export type { SyncSearchIndexInput } from "./steps/resolve-search-targets"
