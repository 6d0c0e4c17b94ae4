export { default as SearchDocument } from "./search-document"
export { default as SearchTerm } from "./search-term"
