import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { EFIRMA_ERRORS } from "../../errors"
import { verifyEfirmaSignature } from "../../efirma/verify"
import { EFIRMA_MODULE } from "../../modules/efirma"
import type EfirmaModuleService from "../../modules/efirma/service"
import { registerEfirmaCertificateWorkflow } from "../../workflows/register-efirma-certificate"
import { revokeEfirmaCertificateWorkflow } from "../../workflows/revoke-efirma-certificate"
import type { EfirmaActor, EfirmaCertificateView } from "../../workflows/efirma-types"
import type {
  AdminListEfirmaCertificatesType,
  ListOwnEfirmaCertificatesType,
  RegisterEfirmaCertificateType,
  RevokeEfirmaCertificateType,
  VerifyEfirmaSignatureType,
} from "./validators"

/** Registry row without the DER (clients already hold their `.cer`). */
export function certificateView(row: EfirmaCertificateView & { der?: string }): EfirmaCertificateView {
  return {
    id: row.id,
    person_id: row.person_id,
    organization_id: row.organization_id,
    serial: row.serial,
    rfc: row.rfc,
    subject_name: row.subject_name,
    issuer: row.issuer,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    fingerprint_sha256: row.fingerprint_sha256,
    status: row.status,
    registered_at: row.registered_at,
    revoked_at: row.revoked_at,
    revocation_reason: row.revocation_reason,
  }
}

export function actorOf(req: AuthorizedRequest): EfirmaActor {
  return auditActorOf(req)
}

/** 409 for a certificate registered before (Medusa rewrites CONFLICT messages, so we answer here). */
async function withConflicts(res: MedusaResponse, fn: () => Promise<void>) {
  try {
    await fn()
  } catch (e) {
    const err = e as { code?: string; message?: string }
    if (err?.code === EFIRMA_ERRORS.CERTIFICADO_YA_REGISTRADO) {
      res.status(409).json({ type: "conflict", code: err.code, message: err.message })
      return
    }
    throw e
  }
}

const service = (req: AuthorizedRequest) => req.scope.resolve<EfirmaModuleService>(EFIRMA_MODULE)

/** GET …/me/efirma/certificates — the caller's own certificates. */
export async function listOwnCertificates(req: AuthorizedRequest<unknown, ListOwnEfirmaCertificatesType>, res: MedusaResponse) {
  const { limit, offset, status } = req.validatedQuery
  const [rows, count] = await service(req).listAndCountEfirmaCertificates(
    { person_id: req.access.person_id, ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { registered_at: "DESC" } },
  )
  res.json({ certificates: rows.map((r) => certificateView(r as EfirmaCertificateView)), count, limit, offset })
}

/** POST …/me/efirma/certificates — registers a `.cer` for the caller only. */
export async function registerOwnCertificate(req: AuthorizedRequest<RegisterEfirmaCertificateType>, res: MedusaResponse) {
  const body = req.validatedBody
  await withConflicts(res, async () => {
    const { result } = await registerEfirmaCertificateWorkflow(req.scope).run({
      input: { person_id: req.access.person_id, certificate: body.certificate, actor: actorOf(req) },
    })
    res.status(201).json({ certificate: certificateView(result as EfirmaCertificateView) })
  })
}

/** POST …/me/efirma/certificates/:id/revoke — the caller revokes one of their certificates. */
export async function revokeOwnCertificate(req: AuthorizedRequest<RevokeEfirmaCertificateType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await revokeEfirmaCertificateWorkflow(req.scope).run({
    input: {
      certificate_id: req.params.id,
      person_id: req.access.person_id,
      reason: body.reason,
      actor: actorOf(req),
    },
  })
  res.json({ certificate: certificateView(result as EfirmaCertificateView) })
}

/**
 * POST …/me/efirma/verify — dry run: would this signed payload be accepted
 * from the caller now? Stores nothing; answers 200 with what was verified or
 * 400 with the specific refusal.
 */
export async function verifyOwnSignature(req: AuthorizedRequest<VerifyEfirmaSignatureType>, res: MedusaResponse) {
  const body = req.validatedBody
  const verified = await verifyEfirmaSignature(req.scope, {
    person_id: req.access.person_id,
    payload: body.payload,
    envelope: body.envelope,
  })
  res.json({ valid: true, ...verified })
}

/** GET /admin/efirma/certificates — every registered certificate (system administrator). */
export async function adminListCertificates(req: AuthorizedRequest<unknown, AdminListEfirmaCertificatesType>, res: MedusaResponse) {
  const { limit, offset, status, person_id, rfc } = req.validatedQuery
  const filters = {
    ...(status ? { status } : {}),
    ...(person_id ? { person_id } : {}),
    ...(rfc ? { rfc: rfc.toUpperCase() } : {}),
  }
  const [rows, count] = await service(req).listAndCountEfirmaCertificates(filters, {
    take: limit,
    skip: offset,
    order: { registered_at: "DESC" },
  })
  res.json({ certificates: rows.map((r) => certificateView(r as EfirmaCertificateView)), count, limit, offset })
}

/** POST /admin/efirma/certificates/:id/revoke — revokes anyone's certificate. */
export async function adminRevokeCertificate(req: AuthorizedRequest<RevokeEfirmaCertificateType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await revokeEfirmaCertificateWorkflow(req.scope).run({
    input: { certificate_id: req.params.id, person_id: null, reason: body.reason, actor: actorOf(req) },
  })
  res.json({ certificate: certificateView(result as EfirmaCertificateView) })
}
