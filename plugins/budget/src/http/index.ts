export * from "./domain-errors"
