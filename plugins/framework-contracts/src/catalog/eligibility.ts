/**
 * The one answer to "may this supplier be offered / invited / awarded /
 * contracted / paid under this contract now?". Pure: the facts are loaded
 * by loadEligibilityFacts; this function only decides and explains.
 */
export type EligibilityPurpose = "offer" | "invite" | "award" | "contract" | "pay"

export type EligibilityFacts = {
  contract: { id: string; status: string; valid_from: Date | string; valid_until: Date | string } | null
  enrolment: { status: string; valid_from: Date | string; valid_until: Date | string | null } | null
  sanctions: { type: string; authority: string; starts_on: Date | string; ends_on: Date | string | null }[]
  offer?: { status: string } | null
}

export type EligibilityReason = { code: string; message: string }

export type Eligibility = { eligible: boolean; reasons: EligibilityReason[] }

const t = (d: Date | string) => new Date(d).getTime()

export function evaluateEligibility(facts: EligibilityFacts, purpose: EligibilityPurpose, now: Date): Eligibility {
  const reasons: EligibilityReason[] = []
  const at = now.getTime()
  const c = facts.contract
  if (!c) {
    reasons.push({ code: "CONTRATO_MARCO_NO_EXISTE", message: "El contrato marco no existe." })
  } else {
    if (c.status !== "published") {
      reasons.push({
        code: "CONTRATO_MARCO_NO_PUBLICADO",
        message: `El contrato marco no está publicado (estado: ${c.status}).`,
      })
    }
    if (at < t(c.valid_from) || at >= t(c.valid_until)) {
      reasons.push({ code: "CONTRATO_MARCO_FUERA_DE_VIGENCIA", message: "El contrato marco no está vigente en esta fecha." })
    }
  }
  const e = facts.enrolment
  if (!e || e.status !== "active" || at < t(e.valid_from) || (e.valid_until && at >= t(e.valid_until))) {
    reasons.push({
      code: "PROVEEDOR_NO_ADHERIDO",
      message:
        e && e.valid_until && at >= t(e.valid_until)
          ? "La adhesión del proveedor a este contrato marco venció."
          : "El proveedor no está adherido (dado de alta) en este contrato marco.",
    })
  }
  const active = facts.sanctions.filter((s) => t(s.starts_on) <= at && (!s.ends_on || at < t(s.ends_on)))
  for (const s of active) {
    reasons.push({
      code: "PROVEEDOR_SANCIONADO",
      message: `El proveedor está sancionado (${s.type}, ${s.authority}) y no puede participar.`,
    })
  }
  if ((purpose === "award" || purpose === "contract" || purpose === "pay") && facts.offer !== undefined) {
    if (!facts.offer || facts.offer.status !== "active") {
      reasons.push({ code: "OFERTA_NO_VIGENTE", message: "La oferta del proveedor no está vigente." })
    }
  }
  return { eligible: reasons.length === 0, reasons }
}
