export { default as ContractTemplate } from "./contract-template"
export { default as SpecificContract } from "./specific-contract"
export { default as ContractSignature } from "./contract-signature"
export { default as ContractNumberSequence } from "./contract-number-sequence"
