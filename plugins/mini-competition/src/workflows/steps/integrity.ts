import type { MedusaContainer } from "@medusajs/framework/types"
import { conflict } from "../../competition/errors"
import { integrityTextInForce, type IntegritySide } from "../../competition/integrity"
import { mc } from "./service"

/** The person's declaration on this competition for its side, or null. */
export async function declarationOf(container: MedusaContainer, competitionId: string, side: IntegritySide, personId: string) {
  const [row] = await mc(container).listCompetitionIntegrityDeclarations(
    { competition_id: competitionId, side, person_id: personId },
    { take: 1 },
  )
  return row ?? null
}

/**
 * Refuses to act on a competition without the acting person's integrity
 * declaration for it (409 DECLARACION_DE_INTEGRIDAD_REQUERIDA): officials
 * before publishing or awarding, supplier users before bidding.
 */
export async function assertDeclared(
  container: MedusaContainer,
  competition: { id: string; number: string },
  side: IntegritySide,
  who: { person_id: string; organization_id: string },
): Promise<void> {
  const row = await declarationOf(container, competition.id, side, who.person_id)
  if (!row || row.organization_id !== who.organization_id) {
    const text = integrityTextInForce(side)
    conflict(
      "DECLARACION_DE_INTEGRIDAD_REQUERIDA",
      side === "official"
        ? `Antes de publicar o adjudicar la segunda etapa ${competition.number}, firma la declaración de integridad (versión ${text.version}).`
        : `Antes de presentar tu propuesta en la segunda etapa ${competition.number}, firma la declaración de integridad (versión ${text.version}).`,
    )
  }
}
