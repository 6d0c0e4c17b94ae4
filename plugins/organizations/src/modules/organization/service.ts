import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { KnownPermission, Organization, Person, RoleAssignment, RolePermission, OrganizationUnit } from "./models"

/** One row with everything the authorize guard needs about an actor. */
export type AccessRow = {
  id: string
  full_name: string
  email: string
  rfc: string
  actor_type: string
  organization_id: string
  organization_kind: string
  organization_rfc: string
  /** Role assignments in force at `now` whose unit (if any) is active. */
  roles: { id: string; role: string; unit_id: string | null }[]
  /** Role-permission cells of those roles. */
  cells: { role: string; permission: string }[]
}

/**
 * Every request of every custom route reads the caller's access context, so
 * it is one SQL round trip instead of an ORM graph (person → organization →
 * role assignments → units, then the matrix). No caching: a revoked role or
 * a matrix change applies on the very next request.
 */
const ACCESS_SQL = `
WITH p AS (
  SELECT p.id, p.full_name, p.email, p.rfc, p.actor_type,
         o.id AS organization_id, o.kind AS organization_kind, o.rfc AS organization_rfc
    FROM person p
    JOIN organization o ON o.id = p.organization_id AND o.deleted_at IS NULL AND o.is_active
   WHERE p.actor_type = ? AND p.actor_id = ? AND p.deleted_at IS NULL AND p.is_active
   LIMIT 1
), ra AS (
  SELECT ra.id, ra.role, ra.unit_id
    FROM role_assignment ra
    JOIN p ON p.id = ra.person_id
    LEFT JOIN organization_unit u ON u.id = ra.unit_id
   WHERE ra.deleted_at IS NULL
     AND ra.valid_from <= ?::timestamptz AND (ra.valid_until IS NULL OR ra.valid_until > ?::timestamptz)
     AND (ra.unit_id IS NULL OR (u.is_active AND u.deleted_at IS NULL))
)
SELECT p.*,
       (SELECT COALESCE(json_agg(json_build_object('id', ra.id, 'role', ra.role, 'unit_id', ra.unit_id) ORDER BY ra.id), '[]'::json) FROM ra) AS roles,
       (SELECT COALESCE(json_agg(json_build_object('role', rp.role, 'permission', rp.permission)), '[]'::json)
          FROM role_permission rp WHERE rp.deleted_at IS NULL AND rp.role IN (SELECT role FROM ra)) AS cells
  FROM p`

/**
 * CRUD for organizations, units, people, role assignments and the
 * role-permission matrix. Business rules live in the workflows' steps.
 */
class OrganizationModuleService extends MedusaService({
  Organization,
  OrganizationUnit,
  Person,
  RoleAssignment,
  RolePermission,
  KnownPermission,
}) {
  /** The active person behind an auth identity with their roles in force and permissions, or null. */
  @InjectManager()
  async loadAccessRow(
    actorType: string,
    actorId: string,
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {},
  ): Promise<AccessRow | null> {
    const manager = sharedContext.manager as unknown as {
      getKnex: () => { raw: (sql: string, b: unknown[]) => Promise<{ rows: AccessRow[] }> }
    }
    const at = now.toISOString()
    const { rows } = await manager.getKnex().raw(ACCESS_SQL, [actorType, actorId, at, at])
    return rows[0] ?? null
  }
}

export default OrganizationModuleService
