export * from "./money"
export * from "./policy"
export * from "./authority"
export * from "./cart-gate"
