import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stripeGateway } from "../../payments/stripe"
import { einv } from "./load"

export type StartStripePaymentStepInput = {
  payment_request_id: string
  /** What reaches the supplier: the net (the pena convencional stays withheld). */
  amount: string
  invoice_uuid: string
  agency_id: string
  supplier_id: string
}

export const startStripePaymentStepId = "e-invoicing-start-stripe-payment"
/**
 * This step pays an own-resources agency's payment request through Medusa's
 * Stripe provider: a PaymentIntent for the net in MXN (idempotency key per
 * request, so a retry creates no second one; metadata `session_id` = the
 * payment request, which the webhook answers with) → stored on the request.
 * The request stays `exercised` until Stripe's signed webhook reports the
 * intent succeeded. Compensation cancels the intent.
 */
export const startStripePaymentStep = createStep(
  startStripePaymentStepId,
  async (input: StartStripePaymentStepInput, { container }) => {
    const service = einv(container)
    const config = await service.stripeConfig()
    if (!config) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Stripe no está configurado.", "STRIPE_NO_CONFIGURADO")
    }
    const gateway = stripeGateway(config)
    let intent: { id: string; status?: string }
    try {
      intent = await gateway.initiatePayment({
        amount: input.amount,
        currency_code: "mxn",
        data: {
          session_id: input.payment_request_id,
          payment_description: `Factura ${input.invoice_uuid}`,
          metadata: { payment_request_id: input.payment_request_id, cfdi_uuid: input.invoice_uuid, supplier_id: input.supplier_id },
        },
        context: { idempotency_key: `payment_request:${input.payment_request_id}:stripe` },
      })
    } catch (e) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Stripe no respondió al crear el pago (${(e as Error).message}); inténtalo de nuevo.`,
        "STRIPE_NO_DISPONIBLE",
      )
    }
    if (!intent.id || !intent.id.startsWith("pi_")) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "Stripe no confirmó la creación del pago; inténtalo de nuevo.",
        "STRIPE_NO_DISPONIBLE",
      )
    }
    await service.updatePaymentRequests({ id: input.payment_request_id, stripe_payment_intent_id: intent.id })
    return new StepResponse(
      { id: intent.id, status: intent.status ?? null },
      { payment_request_id: input.payment_request_id, intent_id: intent.id },
    )
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const service = einv(container)
    const config = await service.stripeConfig()
    if (config) {
      await stripeGateway(config).cancelPayment({ data: { id: created.intent_id } })
    }
    await service.updatePaymentRequests({ id: created.payment_request_id, stripe_payment_intent_id: null })
  },
)
