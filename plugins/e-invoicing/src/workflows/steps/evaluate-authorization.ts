import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { satExpression } from "../../cfdi/expression"
import { querySatStatus } from "../../cfdi/sat-status"
import { paymentChannel, type PaymentChannel } from "../../payments/channel"
import { einv } from "./load"

export type EvaluateAuthorizationStepInput = { payment_request_id: string; agency_id: string }

export const evaluateAuthorizationStepId = "e-invoicing-evaluate-payment-authorization"
/**
 * This step checks a payment request can be authorised (read-only, one
 * outside read): the caller's agency's, pending (or authorized by a run
 * that was interrupted before its CLC was recorded); with a pena convencional
 * withheld, the supplier's nota de crédito for it accepted; the supplier has an
 * active CLABE (the CLC's beneficiary); and SAT, asked again right before
 * paying, still reports the CFDI Vigente and the issuer outside the EFOS list.
 * It also chooses the channel (`paymentChannel`): Stripe for an
 * own-resources agency on an own-resources key when Stripe is configured,
 * SPEI otherwise.
 */
export const evaluateAuthorizationStep = createStep(
  evaluateAuthorizationStepId,
  async (input: EvaluateAuthorizationStepInput, { container }) => {
    const service = einv(container)
    const [request] = await service.listPaymentRequests({ id: input.payment_request_id, agency_id: input.agency_id }, { take: 1 })
    if (!request) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        "La solicitud de pago no existe o no es de tu dependencia.",
        "SOLICITUD_PAGO_NO_EXISTE",
      )
    }
    // `authorized` without a CLC: an earlier run was interrupted (the server
    // died while SICOP/SIAFF held the CLC); the retry finishes it under the
    // same idempotency key, so the CLC is issued once.
    if (request.status !== "pending_authorization" && request.status !== "authorized") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `La solicitud de pago ya está ${request.status}; no se autoriza dos veces.`,
        "ESTADO_CAMBIO",
      )
    }
    if (request.credit_note_status === "pending") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `De este pago se retiene una pena convencional de ${request.penalty_deduction}: el proveedor debe presentar antes su nota de crédito (CFDI de egreso relacionado con la factura por ese importe).`,
        "NOTA_CREDITO_PENDIENTE",
      )
    }
    const [account] = await service.listSupplierBankAccounts({ supplier_id: request.supplier_id, status: "active" }, { take: 1 })
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "El proveedor no tiene una cuenta CLABE vigente registrada con e.firma; no se puede emitir la CLC.",
        "PROVEEDOR_SIN_CUENTA_BANCARIA",
      )
    }
    const invoice = await service.retrieveInvoice(request.invoice_id)
    const { satUrl, satTimeoutMs, satToken } = await service.satConfig()
    const sat = await querySatStatus(satExpression(invoice.xml), {
      url: `${satUrl}/ConsultaCFDIService.svc`,
      timeoutMs: satTimeoutMs,
      token: satToken,
    })
    if (sat.kind === "unavailable") {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `No se pudo consultar al SAT el estado del CFDI ${invoice.uuid} (${sat.reason}); inténtalo de nuevo.`,
        "SAT_NO_DISPONIBLE",
      )
    }
    if (sat.estado !== "Vigente" || sat.efos_listed) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        sat.efos_listed
          ? `El emisor del CFDI ${invoice.uuid} está en la lista de EFOS (art. 69-B del CFF); no se paga.`
          : `El SAT reporta el CFDI ${invoice.uuid} como «${sat.estado}»; no se paga.`,
        "CFDI_NO_VIGENTE",
      )
    }
    let channel: PaymentChannel = "spei"
    if (await service.stripeConfig()) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const [{ data: orgs }, { data: keys }] = await Promise.all([
        query.graph({ entity: "organization", fields: ["id", "own_resources"], filters: { id: request.agency_id } }),
        query.graph({ entity: "budget_key", fields: ["id", "provider"], filters: { id: request.budget_key_id } }),
      ])
      channel = paymentChannel({
        stripe_configured: true,
        agency_own_resources: Boolean(orgs[0]?.own_resources),
        key_provider: String(keys[0]?.provider ?? ""),
      })
    }
    return new StepResponse({
      channel,
      request: {
        id: request.id,
        invoice_id: request.invoice_id,
        amount: request.amount,
        net_amount: request.net_amount,
        penalty_deduction: request.penalty_deduction,
        deductions: (request.deductions ?? []) as unknown as { reception_id: string; amount: string }[],
        budget_key_id: request.budget_key_id,
        agency_id: request.agency_id,
        supplier_id: request.supplier_id,
        accrue_movement_id: request.accrue_movement_id,
      },
      invoice: { id: invoice.id, uuid: invoice.uuid },
      beneficiary: { rfc: account.holder_rfc, clabe: account.clabe },
    })
  },
)
