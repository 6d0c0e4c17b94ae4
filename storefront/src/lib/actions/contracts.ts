"use server"

import { postSignature, type ContractDetail } from "@lib/data/contracts"
import { getSession } from "@lib/session"

export type SignedContract = Pick<ContractDetail, "id" | "number" | "status" | "in_force_at" | "signatures">

export type SignResult = { ok: true; contract: SignedContract } | { ok: false; status: number; code: string; message: string }

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * Sends the e.firma envelope made in the browser to the existing signing
 * route (POST /store|/supplier/specific-contracts/:id/sign) with the caller's
 * token. Receives only the certificate, the signature and the digest the
 * person saw: the private key and its password never leave the device.
 */
export async function signContractAction(
  id: string,
  envelope: { certificate: string; signature: string; document_sha256: string },
): Promise<SignResult> {
  const session = getSession()
  if (!session) {
    return {
      ok: false,
      status: 401,
      code: "NO_AUTENTICADO",
      message: "Tu sesión expiró. Inicia sesión de nuevo para firmar; no se registró ninguna firma.",
    }
  }
  const { certificate, signature, document_sha256 } = envelope ?? {}
  if (
    typeof id !== "string" ||
    typeof certificate !== "string" ||
    typeof signature !== "string" ||
    typeof document_sha256 !== "string" ||
    !BASE64.test(certificate) ||
    !BASE64.test(signature) ||
    !/^[0-9a-f]{64}$/.test(document_sha256)
  ) {
    return { ok: false, status: 400, code: "DATOS_INVALIDOS", message: "La firma recibida está incompleta; vuelve a intentarlo." }
  }
  const res = await postSignature(session, id, { certificate, signature, document_sha256 })
  if (!res.ok) {
    return { ok: false, ...res.error }
  }
  const c = res.data.specific_contract
  return { ok: true, contract: { id: c.id, number: c.number, status: c.status, in_force_at: c.in_force_at, signatures: c.signatures } }
}
