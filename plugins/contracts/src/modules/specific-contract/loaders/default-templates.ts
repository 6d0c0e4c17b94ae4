import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_TEMPLATES } from "../../../specific-contract/templates"

type TemplateService = {
  list: (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<{ code: string }[]>
  create: (data: Record<string, unknown>[]) => Promise<unknown[]>
}

/**
 * Loads version 1 of each default template when its code has no version
 * yet. Later versions are created by the Master Contract Administrator
 * (POST /admin/contract-templates) and never overwritten here.
 */
export default async function loadDefaultTemplates({ container }: LoaderOptions) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const templates = container.resolve<TemplateService>("contractTemplateService")
  try {
    const existing = new Set((await templates.list({ code: DEFAULT_TEMPLATES.map((t) => t.code) }, { take: null })).map((t) => t.code))
    const missing = DEFAULT_TEMPLATES.filter((t) => !existing.has(t.code))
    if (missing.length) {
      await templates.create(missing.map((t) => ({ ...t, effective_from: new Date(t.effective_from), created_by: "sistema" })))
      logger.info(`Contract templates: loaded ${missing.map((t) => `${t.code} v${t.version}`).join(", ")}`)
    }
  } catch (e) {
    // Before the first migration the table does not exist yet.
    logger.debug(`Default contract templates not loaded yet: ${(e as Error).message}`)
  }
}
