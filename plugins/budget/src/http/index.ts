export * from "./errors"
