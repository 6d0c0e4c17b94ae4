// One canonical JSON for the whole store: the audit sink in @tienda/organizations.
export { canonicalJson } from "@tienda/organizations/audit"
