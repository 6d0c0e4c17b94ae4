import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { verifyEfirmaSignature, type VerifiedEfirmaSignature, type VerifyEfirmaSignatureInput } from "../../efirma/verify"

export type VerifyEfirmaSignatureStepInput = VerifyEfirmaSignatureInput

export const verifyEfirmaSignatureStepId = "contracts-verify-efirma-signature"
/**
 * This step verifies an e.firma signature (certificate, trust, validity, RFC,
 * registration, signature over the canonical JSON) and returns the verified
 * serial, RFC, name and payload digest. It changes nothing, so it needs no
 * compensation; a failure aborts the workflow before any side effect when
 * placed first.
 */
export const verifyEfirmaSignatureStep = createStep(
  verifyEfirmaSignatureStepId,
  async (input: VerifyEfirmaSignatureStepInput, { container }) => {
    const verified: VerifiedEfirmaSignature = await verifyEfirmaSignature(container, input)
    return new StepResponse(verified)
  },
)
