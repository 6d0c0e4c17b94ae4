import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClassifierRow } from "../../catalog/classifier-import"
import { fc } from "./service"

export type UpsertClassifierStepInput = { rows: ClassifierRow[]; version: string }

export const upsertClassifierStepId = "framework-contracts-upsert-classifier"
/**
 * This step adds or updates classifier codes; a code keeps the title of the
 * other language when a file only brings one (UNSPSC in English, SAT in Spanish).
 */
export const upsertClassifierStep = createStep(
  upsertClassifierStepId,
  async (input: UpsertClassifierStepInput, { container }) => {
    const service = fc(container)
    const existing = await service.listUnspscCodes({ code: input.rows.map((r) => r.code) }, { take: null })
    const byCode = new Map(existing.map((e) => [e.code, e]))
    const toCreate = input.rows.filter((r) => !byCode.has(r.code))
    const toUpdate = input.rows.filter((r) => byCode.has(r.code))
    const created = toCreate.length
      ? await service.createUnspscCodes(
          toCreate.map((r) => ({
            code: r.code,
            level: r.level,
            parent_code: r.parent_code,
            title_es: r.title_es ?? r.title_en ?? r.code,
            title_en: r.title_en ?? null,
            version: input.version,
          })),
        )
      : []
    const previous = toUpdate.map((r) => {
      const e = byCode.get(r.code)!
      return { id: e.id, title_es: e.title_es, title_en: e.title_en, version: e.version }
    })
    if (toUpdate.length) {
      await service.updateUnspscCodes(
        toUpdate.map((r) => {
          const e = byCode.get(r.code)!
          return {
            id: e.id,
            title_es: r.title_es ?? e.title_es,
            title_en: r.title_en ?? e.title_en,
            version: input.version,
            is_active: true,
          }
        }),
      )
    }
    return new StepResponse({ created: created.length, updated: toUpdate.length }, { created: created.map((c) => c.id), previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = fc(container)
    if (undo.created.length) {
      await service.deleteUnspscCodes(undo.created)
    }
    if (undo.previous.length) {
      await service.updateUnspscCodes(undo.previous)
    }
  },
)
