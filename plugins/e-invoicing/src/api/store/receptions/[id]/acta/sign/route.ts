import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { signActaWorkflow } from "../../../../../../workflows/sign-acta"
import { actaView, ownActa } from "../../../../../acta/helpers"
import type { StoreSignActaType } from "../../../../../acta/validators"

/** POST /store/receptions/:id/acta/sign — the Reception Manager signs the acta with e.firma over its `signing_payload`. */
export async function POST(req: AuthorizedRequest<StoreSignActaType>, res: MedusaResponse) {
  await withDomainErrors(
    res,
    async () => {
      await signActaWorkflow(req.scope).run({
        input: {
          reception_id: req.params.id,
          agency_id: req.access.organization_id,
          person_id: req.access.person_id,
          actor: auditActorOf(req),
          envelope: { certificate: req.validatedBody.certificate, signature: req.validatedBody.signature },
        },
      })
      res.json({ acta: actaView(await ownActa(req, req.params.id, "agency")) })
    },
    { conflict: ["ESTADO_CAMBIO"], unavailable: [] },
  )
}
