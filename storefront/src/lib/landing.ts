/** What the landing choice needs of the logged-in person. */
export type LandingProfile = { actor_type: string; permissions: string[] }

const SIGNS = ["contracts:sign_agency", "contracts:sign_supplier"]

/**
 * Where a person lands after logging in without a page to return to: the
 * contracts awaiting their signature when their role signs, the catalog
 * search otherwise — never a page their role cannot open.
 */
export function landingFor(profile: LandingProfile): string {
  return profile.permissions.some((p) => SIGNS.includes(p)) ? "/contratos" : "/buscar"
}
