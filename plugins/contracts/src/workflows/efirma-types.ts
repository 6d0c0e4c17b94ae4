import type { AuditActor } from "@tienda/organizations/audit"

/** Who performs an e.firma registry action (recorded in the audit ledger). */
export type EfirmaActor = AuditActor

/** The registry row as returned to clients (no DER: fetch it explicitly). */
export type EfirmaCertificateView = {
  id: string
  person_id: string
  organization_id: string | null
  serial: string
  rfc: string
  subject_name: string
  issuer: string
  valid_from: Date | string
  valid_to: Date | string
  fingerprint_sha256: string
  status: "active" | "revoked"
  registered_at: Date | string
  revoked_at: Date | string | null
  revocation_reason: string | null
}
