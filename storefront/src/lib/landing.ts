/** What the landing choice needs of the logged-in person. */
export type LandingProfile = { actor_type: string; permissions: string[] }

const SIGNS = ["contracts:sign_agency", "contracts:sign_supplier"]
const APPROVES = ["requisitions:approve", "requisitions:approve_unit"]

/**
 * Where a person lands after logging in without a page to return to: the
 * contracts awaiting their signature when their role signs, the approvals
 * inbox when they approve without buying (Presupuesto), the catalog search
 * otherwise — never a page their role cannot open.
 */
export function landingFor(profile: LandingProfile): string {
  const has = (p: string) => profile.permissions.includes(p)
  if (SIGNS.some(has)) {
    return "/contratos"
  }
  if (profile.actor_type === "customer" && APPROVES.some(has) && !has("requisitions:create")) {
    return "/aprobaciones"
  }
  return "/buscar"
}
