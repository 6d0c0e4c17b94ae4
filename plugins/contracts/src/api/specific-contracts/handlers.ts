import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notAllowed, SPECIFIC_CONTRACT_ERRORS as E } from "../../specific-contract"
import {
  cancelSpecificContractWorkflow,
  createContractAmendmentWorkflow,
  signSpecificContractWorkflow,
} from "../../workflows/specific-contracts"
import { actorOf, detail } from "./helpers"
import type { CancelSpecificContractType, CreateContractAmendmentType, SignSpecificContractType } from "./validators"

/**
 * POST /store/specific-contracts — refused: a specific contract is generated
 * from an approved requisition (POST /store/requisitions/:id/contracts),
 * never restated by hand.
 */
export async function createContract(_req: MedusaRequest, _res: MedusaResponse) {
  throw notAllowed(
    E.REQUISITION_REQUIRED,
    "Los contratos específicos se generan desde una requisición aprobada (POST /store/requisitions/:id/contracts); no se capturan por separado.",
  )
}

/** POST …/:id/sign — the caller signs for their side. */
export function signContract(side: "agency" | "supplier") {
  return async (req: MedusaRequest<SignSpecificContractType>, res: MedusaResponse) => {
    const body = req.validatedBody
    await signSpecificContractWorkflow(req.scope).run({
      input: {
        contract_id: req.params.id,
        side,
        signer: actorOf(req),
        envelope: { certificate: body.certificate, signature: body.signature },
        document_sha256: body.document_sha256 ?? null,
      },
    })
    res.json({ specific_contract: await detail(req, side) })
  }
}

/** POST /store/specific-contracts/:id/amendments — a convenio modificatorio of a contract in force. */
export async function createAmendment(req: MedusaRequest<CreateContractAmendmentType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createContractAmendmentWorkflow(req.scope).run({
    input: {
      contract_id: req.params.id,
      changes: body.changes,
      reason: body.reason,
      agency_signer_person_id: body.agency_signer_person_id ?? null,
      actor: actorOf(req),
    },
  })
  req.params.id = result.id
  res.status(201).json({ specific_contract: await detail(req, "agency") })
}

/** POST /store/specific-contracts/:id/cancel */
export async function cancelContract(req: MedusaRequest<CancelSpecificContractType>, res: MedusaResponse) {
  const { reason } = req.validatedBody
  if (!req.params.id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Falta el contrato.", "DATOS_INVALIDOS")
  }
  await cancelSpecificContractWorkflow(req.scope).run({ input: { contract_id: req.params.id, reason, actor: actorOf(req) } })
  res.json({ specific_contract: await detail(req, "agency") })
}
