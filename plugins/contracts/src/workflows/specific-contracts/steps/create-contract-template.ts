import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import {
  AMENDMENT_TEMPLATE_CODE,
  invalid,
  renderContractHtml,
  SAMPLE_AMENDMENT_DATA,
  SAMPLE_CONTRACT_DATA,
  SPECIFIC_CONTRACT_ERRORS as E,
  SPECIFIC_CONTRACT_TEMPLATE_CODE,
} from "../../../specific-contract"

export type CreateContractTemplateStepInput = {
  code: string
  title: string
  body: string
  effective_from?: string | null
  created_by: string
}

const KIND: Record<string, "contract" | "amendment"> = {
  [SPECIFIC_CONTRACT_TEMPLATE_CODE]: "contract",
  [AMENDMENT_TEMPLATE_CODE]: "amendment",
}

export const createContractTemplateStepId = "contracts-create-contract-template"
/**
 * This step stores the next version of a template after trying it on a
 * complete sample contract (a template that references a missing field,
 * an unknown helper or unescaped output is refused). Compensation deletes
 * the new version (possible only while unused).
 */
export const createContractTemplateStep = createStep(
  createContractTemplateStepId,
  async (input: CreateContractTemplateStepInput, { container }) => {
    const kind = KIND[input.code]
    if (!kind) {
      throw invalid(E.TEMPLATE_INVALID, `La plantilla «${input.code}» no existe; las plantillas son: ${Object.keys(KIND).join(", ")}.`)
    }
    renderContractHtml(input.body, kind === "contract" ? SAMPLE_CONTRACT_DATA : SAMPLE_AMENDMENT_DATA, "0".repeat(64))
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const [latest] = await service.listContractTemplates({ code: input.code }, { order: { version: "DESC" }, take: 1 })
    const effective = input.effective_from ? new Date(input.effective_from) : new Date()
    if (latest && effective < new Date(latest.effective_from)) {
      throw invalid(
        E.TEMPLATE_INVALID,
        `La nueva versión no puede entrar en vigor antes que la versión ${latest.version} (${new Date(latest.effective_from).toISOString().slice(0, 10)}).`,
      )
    }
    const created = await service.createContractTemplates({
      code: input.code,
      kind,
      version: (latest?.version ?? 0) + 1,
      title: input.title,
      body: input.body,
      effective_from: effective,
      created_by: input.created_by,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE).deleteContractTemplates(id)
  },
)
