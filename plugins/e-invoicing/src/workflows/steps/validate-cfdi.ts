import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { configuredTrustStore } from "@tienda/contracts/efirma"
import { querySatStatus, satAuthorization } from "../../cfdi/sat-status"
import type { CfdiValidationContext } from "../../cfdi/types"
import { validateCfdi } from "../../cfdi/validate"
import { einv } from "./load"

export type ValidateCfdiStepInput = { xml: string; context: CfdiValidationContext }

export const validateCfdiStepId = "e-invoicing-validate-cfdi"
/**
 * This step runs the CFDI 4.0 engine: every rule, with SAT's status asked
 * through @nodecfdi/sat-estado-cfdi and the stamp certificate fetched from
 * SAT's certificate repository (the configured SAT URL). Read-only: it
 * returns the result, failures included; the workflow stores only a valid CFDI.
 */
export const validateCfdiStep = createStep(validateCfdiStepId, async (input: ValidateCfdiStepInput, { container }) => {
  const { satUrl, satTimeoutMs, satToken } = await einv(container).satConfig()
  // SAT's CAs (the project's test CA in development): the e.firma trust store
  const trusted_authorities = (await configuredTrustStore(container)).authorities.map((a) => a.x509)
  const result = await validateCfdi(
    input.xml,
    { ...input.context, trusted_authorities },
    {
      satStatus: (expression) =>
        querySatStatus(expression, { url: `${satUrl}/ConsultaCFDIService.svc`, timeoutMs: satTimeoutMs, token: satToken }),
      stampCertificate: async (no) => {
        const r = await fetch(`${satUrl}/api/v1/certificados/${encodeURIComponent(no)}`, {
          headers: satAuthorization(satToken),
          signal: AbortSignal.timeout(satTimeoutMs),
        })
        if (r.status === 404) {
          return null
        }
        if (!r.ok) {
          // the adapter turns this into a retryable CFDI_SAT_NO_DISPONIBLE
          throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `HTTP ${r.status}`, "SAT_NO_DISPONIBLE")
        }
        return ((await r.json()) as { certificado: string }).certificado
      },
    },
  )
  return new StepResponse(result)
})
