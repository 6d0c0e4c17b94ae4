import type { MedusaContainer } from "@medusajs/framework/types"
import { notFound } from "../../competition/errors"
import { mc } from "./service"

/** The competition, when it belongs to `organizationId` (null: any, for the system); 404 otherwise (no IDOR oracle). */
export async function ownCompetition(container: MedusaContainer, id: string, organizationId: string | null) {
  const [row] = await mc(container).listCompetitions({ id }, { relations: ["lines"], take: 1 })
  if (!row || (organizationId && row.organization_id !== organizationId)) {
    notFound("COMPETENCIA_NO_EXISTE", `La segunda etapa ${id} no existe.`)
  }
  return row
}
