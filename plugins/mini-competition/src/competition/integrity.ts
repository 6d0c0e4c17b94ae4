import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Integrity declarations (declaraciones de integridad) of a second-stage
 * competition, as versioned data. Before acting on a competition, the
 * official of the Purchasing Unit (to publish it or to award it) and each
 * invited supplier (to bid) sign the text in force for their side; the
 * record keeps the version and the SHA-256 of the exact text signed. A new
 * wording is a new version appended here (never an edit of an old one):
 * earlier declarations keep pointing at the text they signed.
 */
export type IntegritySide = "official" | "supplier"

export type IntegrityText = { version: string; side: IntegritySide; text: string }

export const INTEGRITY_TEXTS: readonly IntegrityText[] = [
  {
    version: "2026-12-07",
    side: "official",
    text:
      "Declaro bajo protesta de decir verdad que, como servidor público que conduce esta segunda etapa, no tengo conflicto de interés con " +
      "ninguno de los proveedores invitados ni con sus socios, directivos o representantes (Art. 49, fracción IX, de la Ley General de " +
      "Responsabilidades Administrativas); que no he recibido ni recibiré dádivas, regalos o beneficios de ellos; que no he revelado ni " +
      "revelaré información reservada del procedimiento; y que, de surgir un conflicto de interés, me excusaré y lo informaré al Órgano " +
      "Interno de Control.",
  },
  {
    version: "2026-12-07",
    side: "supplier",
    text:
      "Declaro bajo protesta de decir verdad, en nombre de mi empresa, que por sí o por interpósita persona se abstendrá de adoptar " +
      "conductas para que los servidores públicos induzcan o alteren la evaluación de las propuestas o el resultado del procedimiento " +
      "(Art. 29, fracción IX, LAASSP); que no se ha coludido ni se coludirá con otros participantes para fijar precios, repartirse el " +
      "mercado o presentar propuestas de cobertura (Art. 53, fracción IV, de la Ley Federal de Competencia Económica); y que no tiene " +
      "conflicto de interés con los servidores públicos que conducen esta segunda etapa.",
  },
]

/** SHA-256 (hex) of a declaration's exact text (UTF-8). */
export function integrityTextSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex")
}

/** The text in force for a side (the last version appended), with its SHA-256. */
export function integrityTextInForce(
  side: IntegritySide,
  texts: readonly IntegrityText[] = INTEGRITY_TEXTS,
): IntegrityText & { text_sha256: string } {
  const current = [...texts].filter((t) => t.side === side).pop()
  if (!current) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `No hay texto de declaración de integridad para ${side}.`)
  }
  return { ...current, text_sha256: integrityTextSha256(current.text) }
}

/**
 * Whether a signer's acknowledgement matches the text in force: the signer
 * sends the SHA-256 of the text it was shown, so a stale or altered copy is
 * refused rather than recorded as if the current text had been signed.
 */
export function acknowledgesTextInForce(
  side: IntegritySide,
  textSha256: string,
  texts: readonly IntegrityText[] = INTEGRITY_TEXTS,
): boolean {
  return integrityTextInForce(side, texts).text_sha256 === textSha256.trim().toLowerCase()
}
