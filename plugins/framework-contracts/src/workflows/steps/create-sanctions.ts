import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkRfc } from "@tienda/organizations/utils"
import { fc, invalid } from "./service"

export type SanctionInput = {
  supplier_rfc: string
  supplier_name: string
  type: string
  authority: string
  starts_on: string
  ends_on?: string | null
  reason?: string | null
  source?: string | null
}

export const createSanctionsStepId = "framework-contracts-create-sanctions"
/**
 * This step records sanctions (skipping exact duplicates already on file).
 * Sanctions take effect on every eligibility check at once: nothing to restart.
 */
export const createSanctionsStep = createStep(
  createSanctionsStepId,
  async (input: { sanctions: SanctionInput[] }, { container }) => {
    const service = fc(container)
    const rows = input.sanctions.map((s, i) => {
      const rfc = checkRfc(s.supplier_rfc)
      if (!rfc.valid) {
        // organizations' RFC refusal, its code kept (ORGANIZATIONS_ERRORS)
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Sanción ${i + 1}: ${rfc.message}`, rfc.code)
      }
      if (s.ends_on && new Date(s.ends_on) <= new Date(s.starts_on)) {
        invalid("VIGENCIA_INVALIDA", `Sanción ${i + 1}: la fecha de término debe ser posterior a la de inicio.`)
      }
      return { ...s, supplier_rfc: rfc.rfc, starts_on: new Date(s.starts_on), ends_on: s.ends_on ? new Date(s.ends_on) : null }
    })
    const existing = await service.listSanctions({ supplier_rfc: rows.map((r) => r.supplier_rfc) }, { take: null })
    const fresh = rows.filter(
      (r) =>
        !existing.some(
          (e) => e.supplier_rfc === r.supplier_rfc && e.type === r.type && new Date(e.starts_on).getTime() === r.starts_on.getTime(),
        ),
    )
    const created = fresh.length ? await service.createSanctions(fresh) : []
    return new StepResponse(
      {
        created: created.length,
        duplicates: rows.length - fresh.length,
        sanctions: created.map((c) => ({
          id: c.id,
          supplier_rfc: c.supplier_rfc,
          supplier_name: c.supplier_name,
          type: c.type,
          authority: c.authority,
          starts_on: c.starts_on,
          ends_on: c.ends_on,
          source: c.source,
        })),
      },
      created.map((c) => c.id),
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await fc(container).deleteSanctions(ids)
  },
)
