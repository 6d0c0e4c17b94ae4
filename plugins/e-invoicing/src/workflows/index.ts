export * from "./register-bank-account"
export * from "./steps/prepare-bank-account"
export * from "./steps/replace-bank-account"
