export { default as SupplierBankAccount } from "./supplier-bank-account"
