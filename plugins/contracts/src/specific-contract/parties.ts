import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESTADOS_MX, isAssignmentActive, type Permission } from "@tienda/organizations/utils"
import { invalid, SPECIFIC_CONTRACT_ERRORS as E } from "../errors"

type Resolver = Pick<MedusaContainer, "resolve">

export type OrganizationFacts = {
  id: string
  kind: string
  rfc: string
  legal_name: string
  codigo_postal: string
  state_code: string | null
  agency_type: string | null
  is_active: boolean
  metadata: Record<string, unknown> | null
}

export type SignerFacts = { id: string; full_name: string; rfc: string; position: string; unit_ids: (string | null)[] }

export function stateName(code: string | null | undefined): string | null {
  return ESTADOS_MX.find((e) => e.id === code)?.texto ?? null
}

/** The fiscal address as the document prints it (metadata.fiscal_address when recorded). */
export function fiscalAddress(o: OrganizationFacts): string {
  const recorded = o.metadata?.fiscal_address
  if (typeof recorded === "string" && recorded.trim()) {
    return recorded.trim()
  }
  const state = stateName(o.state_code)
  return `código postal ${o.codigo_postal}${state ? `, ${state}` : ""}, México`
}

export async function loadOrganization(container: Resolver, id: string, kind: "agency" | "supplier"): Promise<OrganizationFacts> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "organization",
    fields: ["id", "kind", "rfc", "legal_name", "codigo_postal", "state_code", "agency_type", "is_active", "metadata"],
    filters: { id },
  })
  const o = data[0] as OrganizationFacts | undefined
  if (!o || o.kind !== kind || !o.is_active) {
    throw invalid(
      E.PARTY_INVALID,
      kind === "agency"
        ? "La dependencia indicada no existe o no está activa en la Tienda Digital."
        : "El proveedor indicado no existe o no está activo en la Tienda Digital.",
    )
  }
  return o
}

type PersonRow = {
  id: string
  full_name: string
  rfc: string
  position: string | null
  is_active: boolean
  created_at: string | Date
  role_assignments: ({ role: string; valid_from: string; valid_until: string | null; unit: { id: string } | null } | null)[]
}

/**
 * Active people of an organization who hold `permission` today (through
 * any role the matrix grants it to), oldest first, with the units they hold
 * it in and the position the document prints (their recorded position, else
 * `defaultPosition`).
 */
export async function signersWith(
  container: Resolver,
  organizationId: string,
  permission: Permission,
  at: Date,
  defaultPosition: string,
): Promise<SignerFacts[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: cells } = await query.graph({ entity: "role_permission", fields: ["role"], filters: { permission } })
  const roles = new Set(cells.map((c) => c.role as string))
  const { data } = await query.graph({
    entity: "person",
    fields: [
      "id",
      "full_name",
      "rfc",
      "position",
      "is_active",
      "created_at",
      "role_assignments.role",
      "role_assignments.valid_from",
      "role_assignments.valid_until",
      "role_assignments.unit.id",
    ],
    filters: { organization_id: organizationId },
  })
  return (data as unknown as PersonRow[])
    .filter((p) => p.is_active)
    .map((p) => {
      const held = p.role_assignments.filter((a): a is NonNullable<typeof a> => !!a && roles.has(a.role) && isAssignmentActive(a, at))
      return { p, held }
    })
    .filter(({ held }) => held.length > 0)
    .sort((a, b) => new Date(a.p.created_at).getTime() - new Date(b.p.created_at).getTime() || a.p.id.localeCompare(b.p.id))
    .map(({ p, held }) => ({
      id: p.id,
      full_name: p.full_name,
      rfc: p.rfc,
      position: p.position?.trim() || defaultPosition,
      unit_ids: held.map((a) => a.unit?.id ?? null),
    }))
}

/** A signer as the contract document names its representative. */
export function representativeOf(s: SignerFacts): { person_id: string; full_name: string; position: string; rfc: string } {
  return { person_id: s.id, full_name: s.full_name, position: s.position, rfc: s.rfc }
}

/** Picks the designated signer: the requested person, else the preferred ones, else the first. */
export function pickSigner(
  candidates: SignerFacts[],
  requested: string | null | undefined,
  preferred: (s: SignerFacts) => boolean,
  side: string,
): SignerFacts {
  if (requested) {
    const s = candidates.find((c) => c.id === requested)
    if (!s) {
      throw invalid(E.NO_SIGNER, `La persona indicada como firmante de ${side} no tiene hoy el permiso para firmar contratos.`)
    }
    return s
  }
  const s = candidates.find(preferred) ?? candidates[0]
  if (!s) {
    throw invalid(E.NO_SIGNER, `No hay una persona con permiso vigente para firmar contratos por ${side}; solicita la asignación del rol.`)
  }
  return s
}

/** Positions printed when a signer has none recorded. */
export const DEFAULT_POSITIONS = {
  agency: "Servidor público facultado para suscribir contratos",
  supplier: "Representante legal",
} as const
