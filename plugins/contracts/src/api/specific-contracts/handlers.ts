import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { assertUnitInScope, unitsWithPermission, type AuthorizedRequest } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import {
  cancelSpecificContractWorkflow,
  createContractAmendmentWorkflow,
  createSpecificContractWorkflow,
  signSpecificContractWorkflow,
} from "../../workflows/specific-contracts"
import { actorOf, detail } from "./helpers"
import type {
  CreateContractAmendmentType,
  CreateSpecificContractType,
  SignSpecificContractType,
} from "./validators"

/** POST /store/specific-contracts — issue a contract for the caller's agency (until requisitions exist). */
export async function createContract(req: MedusaRequest<CreateSpecificContractType>, res: MedusaResponse) {
  const { access } = req as AuthorizedRequest
  const body = req.validatedBody as CreateSpecificContractType
  let unitId = body.agency_unit_id
  if (unitId) {
    assertUnitInScope(access, P.SPECIFIC_CONTRACTS_CREATE, unitId)
  } else {
    const units = unitsWithPermission(access, P.SPECIFIC_CONTRACTS_CREATE)
    unitId = units?.[0]
  }
  const { result } = await createSpecificContractWorkflow(req.scope).run({
    input: {
      ...body,
      agency_id: access.organization_id,
      agency_unit_id: unitId ?? null,
      delivery: { place: body.delivery.place, unit_id: body.delivery.unit_id ?? null, date: body.delivery.date ?? null },
      lines: body.lines.map((l) => ({ offer_id: l.offer_id, quantity: l.quantity, delivery_date: l.delivery_date ?? null })),
      actor: actorOf(req),
    },
  })
  req.params.id = result.id
  res.status(201).json({ specific_contract: await detail(req, "agency") })
}

/** POST …/:id/sign — the caller signs for their side. */
export function signContract(side: "agency" | "supplier") {
  return async (req: MedusaRequest<SignSpecificContractType>, res: MedusaResponse) => {
    const body = req.validatedBody as SignSpecificContractType
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
  const body = req.validatedBody as CreateContractAmendmentType
  const { result } = await createContractAmendmentWorkflow(req.scope).run({
    input: { contract_id: req.params.id, changes: body.changes, reason: body.reason, agency_signer_person_id: body.agency_signer_person_id ?? null, actor: actorOf(req) },
  })
  req.params.id = result.id
  res.status(201).json({ specific_contract: await detail(req, "agency") })
}

/** POST /store/specific-contracts/:id/cancel */
export async function cancelContract(req: MedusaRequest<{ reason: string }>, res: MedusaResponse) {
  const { reason } = req.validatedBody as { reason: string }
  if (!req.params.id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Falta el contrato.", "DATOS_INVALIDOS")
  }
  await cancelSpecificContractWorkflow(req.scope).run({ input: { contract_id: req.params.id, reason, actor: actorOf(req) } })
  res.json({ specific_contract: await detail(req, "agency") })
}
