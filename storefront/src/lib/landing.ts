/** What the landing choice needs of the logged-in person. */
export type LandingProfile = { actor_type: string; permissions: string[] }

const SIGNS = ["contracts:sign_agency", "contracts:sign_supplier"]
const APPROVES = ["requisitions:approve", "requisitions:approve_unit"]

/**
 * Where a person lands after logging in without a page to return to: a
 * supplier on the orders placed with it (the menu leads to its contracts to
 * sign); agency signers on the contracts awaiting their signature; the
 * approvals inbox when they approve without buying (Presupuesto); the
 * Reception Manager on the shipments to receive; the Payment Request Typist
 * on the invoices and payment requests; the catalog search
 * otherwise — never a page their role cannot open.
 */
export function landingFor(profile: LandingProfile): string {
  const has = (p: string) => profile.permissions.includes(p)
  if (profile.actor_type === "supplier" && has("specific_contracts:read")) {
    return "/proveedor/pedidos"
  }
  if (SIGNS.some(has)) {
    return "/contratos"
  }
  if (profile.actor_type === "customer" && APPROVES.some(has) && !has("requisitions:create")) {
    return "/aprobaciones"
  }
  if (profile.actor_type === "customer" && has("reception:record") && !has("requisitions:create")) {
    return "/recepciones"
  }
  if (profile.actor_type === "customer" && has("payment_requests:create") && !has("requisitions:create")) {
    return "/pagos"
  }
  return "/buscar"
}
