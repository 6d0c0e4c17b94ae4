import "server-only"
import type { Session, SessionActor } from "@lib/session"
import { callBackend, type ApiResult } from "./backend"

/** The logged-in person as GET /store/me (or /supplier/me) describes them. */
export type Profile = {
  id: string
  full_name: string
  email: string
  rfc: string
  actor_type: string
  organization: { id: string; kind: string; rfc: string }
  roles: { role: string; label_es: string; label_en?: string; unit_id?: string | null }[]
  permissions: string[]
}

export type ContractStatus = "draft" | "pending_signatures" | "partially_signed" | "in_force" | "cancelled"

export type ContractSummary = {
  id: string
  number: string
  kind: "contract" | "amendment"
  status: ContractStatus
  agency_signer_person_id: string | null
  supplier_signer_person_id: string | null
  subtotal: string
  iva: string
  total: string
  currency_code: string
  issued_at: string
  in_force_at: string | null
  document_sha256: string
}

export type ContractSignature = {
  id: string
  role: "agency_signer" | "supplier"
  person_id: string
  certificate_serial: string
  rfc: string
  subject_name: string
  document_sha256: string
  signed_at: string
}

type Party = { legal_name: string; rfc: string; representative: { full_name: string; position: string; rfc: string } }

export type SigningPayload = { contract_id: string; number: string; document_sha256: string }

export type ContractDetail = ContractSummary & {
  data_sha256: string
  html_sha256: string
  pdf_sha256: string
  signing_payload: SigningPayload
  signatures: ContractSignature[]
  data: {
    issued_on: string
    agency: Party & { unit: { name: string } }
    supplier: Party
    framework_contract: { number: string; title: string }
    lines: unknown[]
    totals: { total_in_words: string }
    delivery: { place: string }
  }
}

/** What differs between the agency (customer, /store) and supplier (/supplier) sides. */
export const SIDES = {
  customer: {
    prefix: "/store",
    role: "agency_signer",
    signer: "agency_signer_person_id",
    label: "la dependencia",
    account: "Dependencia (compradores)",
  },
  supplier: {
    prefix: "/supplier",
    role: "supplier",
    signer: "supplier_signer_person_id",
    label: "el proveedor",
    account: "Proveedor",
  },
} as const satisfies Record<
  SessionActor,
  { prefix: string; role: ContractSignature["role"]; signer: keyof ContractSummary; label: string; account: string }
>

export const SIGNABLE: ContractStatus[] = ["pending_signatures", "partially_signed"]

export function getProfile(session: Session): Promise<ApiResult<{ profile: Profile }>> {
  return callBackend(`${SIDES[session.actor].prefix}/me`, { token: session.token })
}

export function getContract(session: Session, id: string): Promise<ApiResult<{ specific_contract: ContractDetail }>> {
  return callBackend(`${SIDES[session.actor].prefix}/specific-contracts/${encodeURIComponent(id)}`, { token: session.token })
}

/** The rendered HTML exactly as stored (its SHA-256 is `html_sha256`). */
export function getContractHtml(session: Session, id: string): Promise<ApiResult<string>> {
  return callBackend(`${SIDES[session.actor].prefix}/specific-contracts/${encodeURIComponent(id)}/html`, {
    token: session.token,
    as: "text",
  })
}

export function getContractPdf(session: Session, id: string): Promise<ApiResult<ArrayBuffer>> {
  return callBackend(`${SIDES[session.actor].prefix}/specific-contracts/${encodeURIComponent(id)}/pdf`, {
    token: session.token,
    as: "bytes",
  })
}

/** POST …/:id/sign with the e.firma envelope made on the user's device. */
export function postSignature(
  session: Session,
  id: string,
  body: { certificate: string; signature: string; document_sha256: string },
): Promise<ApiResult<{ specific_contract: ContractDetail }>> {
  return callBackend(`${SIDES[session.actor].prefix}/specific-contracts/${encodeURIComponent(id)}/sign`, {
    method: "POST",
    token: session.token,
    body,
  })
}

/** The signature of this person's side (agency or supplier), whoever made it. */
export function sideSignature(session: Session, c: { signatures: ContractSignature[] }): ContractSignature | null {
  return c.signatures.find((s) => s.role === SIDES[session.actor].role) ?? null
}

/**
 * Contracts and amendments waiting for this person's signature: the
 * organization's contracts pending signatures where they are the designated
 * signer of their side and their side has not signed yet (for partially
 * signed ones the detail says which side signed). Uses the existing list and
 * detail routes; the server re-checks everything when signing.
 */
export async function listContractsToSign(session: Session, profile: Profile): Promise<ApiResult<ContractSummary[]>> {
  const side = SIDES[session.actor]
  const pages = await Promise.all(
    SIGNABLE.map((status) =>
      callBackend<{ specific_contracts: ContractSummary[] }>(`${side.prefix}/specific-contracts?status=${status}&limit=200`, {
        token: session.token,
      }),
    ),
  )
  const failed = pages.find((p) => !p.ok)
  if (failed && !failed.ok) {
    return failed
  }
  const mine = pages.flatMap((p) => (p.ok ? p.data.specific_contracts : [])).filter((c) => c[side.signer] === profile.id)
  const checked = await Promise.all(
    mine.map(async (c) => {
      if (c.status === "pending_signatures") {
        return c
      }
      const d = await getContract(session, c.id)
      return d.ok && !sideSignature(session, d.data.specific_contract) ? c : null
    }),
  )
  const rows = checked.filter((c): c is ContractSummary => c !== null)
  rows.sort((a, b) => a.issued_at.localeCompare(b.issued_at) || a.number.localeCompare(b.number))
  return { ok: true, data: rows, headers: new Headers() }
}

/** The specific contracts generated from one requisition of my agency (GET /store/specific-contracts, kept by requisition). */
export async function contractsOfRequisition(
  session: Session,
  requisitionId: string,
): Promise<ApiResult<(ContractSummary & { requisition_id?: string | null })[]>> {
  const res = await callBackend<{ specific_contracts: (ContractSummary & { requisition_id?: string | null })[] }>(
    "/store/specific-contracts?limit=100&kind=contract",
    { token: session.token },
  )
  return res.ok ? { ...res, data: res.data.specific_contracts.filter((c) => c.requisition_id === requisitionId) } : res
}
