import { AMENDMENT_TEMPLATE_CODE, AMENDMENT_TEMPLATE_V1 } from "./convenio-modificatorio"
import { SPECIFIC_CONTRACT_TEMPLATE_CODE, SPECIFIC_CONTRACT_TEMPLATE_V1 } from "./contrato-especifico"

export * from "./contrato-especifico"
export * from "./convenio-modificatorio"

export type DefaultTemplate = {
  code: string
  kind: "contract" | "amendment"
  version: number
  title: string
  body: string
  effective_from: string
}

/** The templates a new database starts with (loaded once by the module loader). */
export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  {
    code: SPECIFIC_CONTRACT_TEMPLATE_CODE,
    kind: "contract",
    version: 1,
    title: "Contrato específico derivado de contrato marco",
    body: SPECIFIC_CONTRACT_TEMPLATE_V1,
    effective_from: "2025-01-01T06:00:00.000Z",
  },
  {
    code: AMENDMENT_TEMPLATE_CODE,
    kind: "amendment",
    version: 1,
    title: "Convenio modificatorio de contrato específico",
    body: AMENDMENT_TEMPLATE_V1,
    effective_from: "2025-01-01T06:00:00.000Z",
  },
]
