import type { MedusaContainer } from "@medusajs/framework/types"
import { verifyEfirmaSignature } from "@tienda/contracts/efirma"
import { invalid } from "../../competition/errors"
import type { SignatureRecord } from "../../competition/signing"

/** An e.firma envelope as the routes receive it (base64 `.cer` DER and base64 signature). */
export type Envelope = { certificate: string; signature: string }

/**
 * Verifies (read-only) `person_id`'s e.firma signature over `payload` with
 * the contracts plugin's verification — e.firma not CSD, trusted CA, in force
 * at `at`, the person's RFC, registered to the person, signature over the
 * canonical JSON — and returns what is kept of it. A missing envelope is 400
 * `FIRMA_REQUERIDA` with `what` in the message; the verification's own
 * refusals keep their codes (FIRMA_INVALIDA, CERTIFICADO_NO_REGISTRADO, …).
 */
export async function verifiedSignature(
  container: MedusaContainer,
  input: { person_id: string; payload: unknown; envelope: Envelope | null | undefined; at: string; what: string },
): Promise<SignatureRecord> {
  if (!input.envelope?.certificate || !input.envelope?.signature) {
    invalid("FIRMA_REQUERIDA", `${input.what} requiere tu firma electrónica (e.firma): envía el certificado y la firma.`)
  }
  const verified = await verifyEfirmaSignature(container, {
    person_id: input.person_id,
    payload: input.payload,
    envelope: input.envelope,
    at: input.at,
  })
  return {
    person_id: input.person_id,
    certificate_serial: verified.certificate_serial,
    rfc: verified.rfc,
    payload_sha256: verified.payload_sha256,
    signature: input.envelope.signature,
    signed_at: new Date(input.at).toISOString(),
  }
}
