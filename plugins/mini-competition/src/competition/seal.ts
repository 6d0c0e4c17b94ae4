import { MedusaError } from "@medusajs/framework/utils"
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto"
import { canonicalJson } from "@tienda/organizations/audit"

/** What a supplier bids: a unit price per competition line (decimal string, before IVA) and delivery days. */
export type BidContent = {
  lines: { line_id: string; unit_price: string }[]
  delivery_days: number
}

export type BidIdentity = { competition_id: string; supplier_id: string }

export type SealedBid = {
  /** SHA-256 (hex) of the canonical sealed document; shown to the supplier and written to the audit ledger. */
  commitment: string
  ciphertext: string
  iv: string
  auth_tag: string
  /** The random nonce inside the commitment, returned once to the supplier so it can check the commitment itself. */
  nonce: string
}

export type OpenedBid =
  { ok: true; content: BidContent } | { ok: false; code: "SOBRE_ALTERADO" | "COMPROMISO_NO_COINCIDE"; message: string }

const INFO = "tienda-digital/mini-competition/bid/v1"

/** The per-competition key: HKDF-SHA256 of the master seal key, salted with the competition id. */
function competitionKey(masterKey: Buffer, competitionId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.from(competitionId, "utf8"), INFO, 32))
}

const aad = (who: BidIdentity, commitment: string) => Buffer.from(`${who.competition_id}|${who.supplier_id}|${commitment}`, "utf8")

/** The document that is committed and encrypted. */
function documentOf(who: BidIdentity, content: BidContent, nonce: string): string {
  return canonicalJson({ competition_id: who.competition_id, supplier_id: who.supplier_id, bid: content, nonce })
}

export const commitmentOf = (document: string) => createHash("sha256").update(document, "utf8").digest("hex")

/**
 * Seals a bid: commits to it (SHA-256 over the canonical document with a
 * 256-bit random nonce, so equal prices give unrelated commitments and the
 * commitment cannot be brute-forced) and encrypts the document with
 * AES-256-GCM, binding competition, supplier and commitment as associated
 * data (a sealed bid moved to another row or supplier does not open).
 */
export function sealBid(masterKey: Buffer, who: BidIdentity, content: BidContent): SealedBid {
  const nonce = randomBytes(32).toString("hex")
  const document = documentOf(who, content, nonce)
  const commitment = commitmentOf(document)
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", competitionKey(masterKey, who.competition_id), iv)
  cipher.setAAD(aad(who, commitment))
  const ciphertext = Buffer.concat([cipher.update(document, "utf8"), cipher.final()])
  return {
    commitment,
    ciphertext: ciphertext.toString("base64"),
    iv: iv.toString("base64"),
    auth_tag: cipher.getAuthTag().toString("base64"),
    nonce,
  }
}

/**
 * Opens a sealed bid and checks it against its commitment. A stored bid
 * whose ciphertext, tag, iv, identity or commitment was altered does not
 * decrypt (SOBRE_ALTERADO); one that decrypts to a document whose hash is
 * not the commitment (re-encrypted by someone holding the key) is reported
 * as COMPROMISO_NO_COINCIDE. Never throws for a bad bid.
 */
export function openBid(
  masterKey: Buffer,
  who: BidIdentity,
  sealed: Pick<SealedBid, "commitment" | "ciphertext" | "iv" | "auth_tag">,
): OpenedBid {
  let document: string
  try {
    const decipher = createDecipheriv("aes-256-gcm", competitionKey(masterKey, who.competition_id), Buffer.from(sealed.iv, "base64"))
    decipher.setAAD(aad(who, sealed.commitment))
    decipher.setAuthTag(Buffer.from(sealed.auth_tag, "base64"))
    document = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8")
  } catch {
    return { ok: false, code: "SOBRE_ALTERADO", message: "La propuesta almacenada fue alterada: no se puede descifrar con su sello." }
  }
  const actual = Buffer.from(commitmentOf(document), "hex")
  const expected = Buffer.from(sealed.commitment, "hex")
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return {
      ok: false,
      code: "COMPROMISO_NO_COINCIDE",
      message: "La propuesta abierta no corresponde al compromiso registrado al presentarla.",
    }
  }
  const parsed = JSON.parse(document) as { competition_id: string; supplier_id: string; bid: BidContent }
  if (parsed.competition_id !== who.competition_id || parsed.supplier_id !== who.supplier_id) {
    return { ok: false, code: "SOBRE_ALTERADO", message: "La propuesta almacenada no pertenece a este proveedor o a este procedimiento." }
  }
  return { ok: true, content: parsed.bid }
}

/** Checks the commitment a supplier was given against the bid it sent and the nonce it received. */
export function verifyCommitment(who: BidIdentity, content: BidContent, nonce: string, commitment: string): boolean {
  return commitmentOf(documentOf(who, content, nonce)) === commitment
}

/** The 32-byte master seal key from its base64 form (plugin option `sealKey`). */
export function parseSealKey(value: string): Buffer {
  const key = Buffer.from(value, "base64")
  if (key.length !== 32) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      "La llave de sellado de propuestas (MINI_COMPETITION_SEAL_KEY) debe ser de 32 bytes en base64: genera una con `openssl rand -base64 32`.",
    )
  }
  return key
}
