/**
 * What a person signs with e.firma in a second-stage competition: the
 * canonical JSON of these payloads (the contracts plugin's verification —
 * RSASSA-PKCS1-v1_5/SHA-256 over the canonical JSON, certificate checks,
 * registration — see docs/efirma.md). Each names the document and the
 * competition, so a signature cannot be replayed on another document or
 * competition; the client builds the same payload from what it shows.
 */

/** The integrity declaration: the text in force (version and SHA-256) for the signer's side, on this competition. */
export function integrityDeclarationPayload(input: {
  competition_id: string
  side: "official" | "supplier"
  person_id: string
  text_version: string
  text_sha256: string
}) {
  return {
    documento: "declaracion_de_integridad" as const,
    competition_id: input.competition_id,
    side: input.side,
    person_id: input.person_id,
    text_version: input.text_version,
    text_sha256: input.text_sha256.trim().toLowerCase(),
  }
}

/** The Purchasing Unit's justification for awarding a bidder other than the computed winner. */
export function deviationJustificationPayload(input: {
  competition_id: string
  supplier_id: string
  computed_winner_supplier_id: string | null
  justification: string
}) {
  return {
    documento: "justificacion_de_adjudicacion_distinta" as const,
    competition_id: input.competition_id,
    supplier_id: input.supplier_id,
    computed_winner_supplier_id: input.computed_winner_supplier_id,
    justification: input.justification.trim(),
  }
}

/** The winner's confirmation of the award offered to it: the bid, its commitment and the total it binds to. */
export function awardAcceptancePayload(award: {
  competition_id: string
  supplier_id: string
  bid_id: string
  commitment: string
  subtotal: string
  offered_at: string
}) {
  return {
    documento: "aceptacion_de_adjudicacion" as const,
    competition_id: award.competition_id,
    supplier_id: award.supplier_id,
    bid_id: award.bid_id,
    commitment: award.commitment,
    subtotal: award.subtotal,
    offered_at: award.offered_at,
  }
}

/** What is kept of a verified signature (the signature itself, for re-verification). */
export type SignatureRecord = {
  person_id: string
  certificate_serial: string
  rfc: string
  payload_sha256: string
  signature: string
  signed_at: string
}
