import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export const evaluatePaymentConfirmationStepId = "e-invoicing-evaluate-payment-confirmation"
/**
 * This step checks a payment request can be confirmed paid (read-only): the
 * caller's agency's, its CLC exercised, and reported by the channel it is
 * paid through (a Stripe payment only by Stripe's verified webhook:
 * PAGO_POR_STRIPE by hand).
 */
export const evaluatePaymentConfirmationStep = createStep(
  evaluatePaymentConfirmationStepId,
  async (input: { payment_request_id: string; agency_id: string; source?: "manual" | "stripe_webhook" }, { container }) => {
    const [request] = await einv(container).listPaymentRequests({ id: input.payment_request_id, agency_id: input.agency_id }, { take: 1 })
    if (!request) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        "La solicitud de pago no existe o no es de tu dependencia.",
        "SOLICITUD_PAGO_NO_EXISTE",
      )
    }
    if (request.status !== "exercised" || !request.exercise_movement_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        request.status === "paid" ? "La solicitud de pago ya está pagada." : "La solicitud de pago aún no tiene CLC; autorízala primero.",
        "ESTADO_CAMBIO",
      )
    }
    const stripe = request.payment_channel === "stripe"
    if (stripe !== (input.source === "stripe_webhook")) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        stripe
          ? "Este pago se hace por Stripe: queda pagado solo cuando Stripe lo confirma (webhook firmado), no a mano."
          : "Este pago no se hizo por Stripe; su confirmación la registra el área de pagos con la clave de rastreo SPEI.",
        "PAGO_POR_STRIPE",
      )
    }
    const invoice = await einv(container).retrieveInvoice(request.invoice_id, { select: ["id", "metodo_pago"] })
    return new StepResponse({
      metodo_pago: invoice.metodo_pago,
      id: request.id,
      invoice_id: request.invoice_id,
      specific_contract_id: request.specific_contract_id,
      amount: request.amount,
      budget_key_id: request.budget_key_id,
      agency_id: request.agency_id,
      exercise_movement_id: request.exercise_movement_id,
      due_date: request.due_date,
    })
  },
)
