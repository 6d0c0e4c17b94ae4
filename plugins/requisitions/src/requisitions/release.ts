/** The budget release that gives back a requisition's reservation (null when it has none). */
export function reservationRelease(
  r: {
    id: string
    budget_key_id: string
    organization_id: string
    reservation_id: string | null
    reservation_key: string | null
    reserved_amount: unknown
  },
  actorId: string,
) {
  if (!r.reservation_id) {
    return null
  }
  return {
    budget_key_id: r.budget_key_id,
    organization_id: r.organization_id,
    unit_ids: null,
    amount: String(r.reserved_amount),
    parent_id: r.reservation_id,
    reference_type: "requisition" as const,
    reference_id: r.id,
    idempotency_key: `${r.reservation_key}:release`,
    actor_id: actorId,
  }
}
