import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { auditActorOf, pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { SPECIFIC_CONTRACT_MODULE } from "../../modules/specific-contract"
import type SpecificContractModuleService from "../../modules/specific-contract/service"
import { contractNotFound, signingPayload } from "../../specific-contract"
import type { ContractActor } from "../../workflows/specific-contracts/types"
import type { ListSpecificContractsType } from "./validators"

export type Scope = "agency" | "supplier" | "all"

/** The caller as the workflows and the audit ledger name them. */
export function actorOf(req: MedusaRequest): ContractActor {
  const { access } = req as AuthorizedRequest
  const { actor_type, actor_id, role } = auditActorOf(req as AuthorizedRequest)
  return { person_id: access.person_id, actor_type, actor_id, role: role ?? null, organization_id: access.organization_id }
}

export function service(req: MedusaRequest) {
  return req.scope.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
}

/** Filters that restrict a query to what the caller's side may see. */
export function scopeFilters(req: MedusaRequest, scope: Scope): Record<string, string> {
  const { access } = req as AuthorizedRequest
  if (scope === "agency") {
    return { agency_id: access.organization_id }
  }
  if (scope === "supplier") {
    return { supplier_id: access.organization_id }
  }
  return {}
}

/** Columns of a contract answered in lists and details (documents are separate routes). */
export const CONTRACT_FIELDS = [
  "id",
  "number",
  "kind",
  "parent_id",
  "amendment_sequence",
  "status",
  "agency_id",
  "agency_unit_id",
  "supplier_id",
  "framework_contract_id",
  "budget_key_id",
  "requisition_id",
  "agency_signer_person_id",
  "supplier_signer_person_id",
  "created_by_person_id",
  "template_code",
  "template_version",
  "data_sha256",
  "html_sha256",
  "pdf_sha256",
  "document_sha256",
  "subtotal",
  "iva",
  "total",
  "currency_code",
  "issued_at",
  "in_force_at",
  "cancelled_at",
  "cancellation_reason",
  "created_at",
] as const

/** One contract of the caller's side, or 404 (same answer for "absent" and "not yours"). */
export async function loadScoped(req: MedusaRequest, scope: Scope, fields: string[] = [...CONTRACT_FIELDS]) {
  const [c] = await service(req).listSpecificContracts({ id: req.params.id, ...scopeFilters(req, scope) }, { select: fields, take: 1 })
  if (!c) {
    throw contractNotFound()
  }
  return c
}

type Row = Record<string, unknown> & { id: string; number: string; document_sha256: string }

/** Amounts as decimal strings with 2 decimals, and what to sign. */
export function present(c: Row) {
  const money = (v: unknown) => (v === null || v === undefined ? v : MathBN.convert(v as string).toFixed(2))
  return {
    ...c,
    subtotal: money(c.subtotal),
    iva: money(c.iva),
    total: money(c.total),
    signing_payload: signingPayload(c),
  }
}

export async function detail(req: MedusaRequest, scope: Scope) {
  const c = (await loadScoped(req, scope)) as unknown as Row
  const svc = service(req)
  const [full] = await svc.listSpecificContracts({ id: c.id }, { select: ["id", "data"], take: 1 })
  const signatures = await svc.listContractSignatures(
    { contract_id: c.id },
    {
      select: [
        "id",
        "role",
        "person_id",
        "organization_id",
        "certificate_serial",
        "rfc",
        "subject_name",
        "payload_sha256",
        "document_sha256",
        "signed_at",
        "signature",
      ],
      order: { signed_at: "ASC" },
    },
  )
  const amendments = await svc.listSpecificContracts(
    { parent_id: c.id, ...scopeFilters(req, scope) },
    {
      select: ["id", "number", "status", "amendment_sequence", "subtotal", "iva", "total", "issued_at", "in_force_at"],
      order: { amendment_sequence: "ASC" },
    },
  )
  return { ...present(c), data: full.data, signatures, amendments }
}

export async function sendHtml(req: MedusaRequest, res: MedusaResponse, scope: Scope) {
  const c = await loadScoped(req, scope, ["id", "number", "html", "html_sha256", "document_sha256"])
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("X-Content-SHA256", c.html_sha256)
  res.setHeader("X-Document-SHA256", c.document_sha256)
  res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
  res.status(200).send(c.html)
}

export async function sendPdf(req: MedusaRequest, res: MedusaResponse, scope: Scope) {
  const c = await loadScoped(req, scope, ["id", "number", "pdf_base64", "pdf_sha256", "document_sha256"])
  const pdf = Buffer.from(c.pdf_base64, "base64")
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${c.number}.pdf"`)
  res.setHeader("X-Content-SHA256", c.pdf_sha256)
  res.setHeader("X-Document-SHA256", c.document_sha256)
  res.status(200).send(pdf)
}

export async function list(
  req: MedusaRequest<unknown, ListSpecificContractsType>,
  res: MedusaResponse,
  scope: Scope,
  extra: Record<string, unknown> = {},
) {
  const { limit, offset, status, kind } = req.validatedQuery
  const filters: Record<string, unknown> = { ...scopeFilters(req, scope), ...extra }
  if (status) {
    filters.status = status
  }
  if (kind) {
    filters.kind = kind
  }
  const [rows, count] = await service(req).listAndCountSpecificContracts(filters, {
    select: [...CONTRACT_FIELDS],
    order: { issued_at: "DESC", number: "DESC" },
    skip: offset,
    take: limit,
  })
  res.json({
    specific_contracts: pickFields(
      req,
      rows.map((r) => present(r as unknown as Row)),
    ),
    count,
    limit,
    offset,
  })
}
