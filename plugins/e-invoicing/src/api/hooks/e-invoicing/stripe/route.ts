import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PaymentActions } from "@medusajs/framework/utils"
import { confirmPaymentWorkflow } from "../../../../workflows/confirm-payment"
import { stripeGateway } from "../../../../payments/stripe"
import { E_INVOICE_MODULE } from "../../../../modules/e-invoice"
import type EInvoiceModuleService from "../../../../modules/e-invoice/service"

/**
 * POST /hooks/e-invoicing/stripe — Stripe's webhook for the payments of
 * own-resources agencies. Public route (Stripe calls it), trusted only by
 * its signature: Medusa's Stripe provider verifies `Stripe-Signature` over
 * the raw body with the webhook secret (Stripe's `constructEvent`); 400
 * FIRMA_STRIPE_INVALIDA otherwise, nothing changed. `payment_intent.succeeded`
 * for a payment request paid through Stripe → the confirm-payment workflow
 * (pagado, clave = the PaymentIntent id; once: a replay answers 200 and
 * changes nothing). Other events are acknowledged and ignored.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<EInvoiceModuleService>(E_INVOICE_MODULE)
  const config = await service.stripeConfig()
  if (!config) {
    res.status(404).json({ type: "not_found", code: "STRIPE_NO_CONFIGURADO", message: "Los pagos por Stripe no están configurados." })
    return
  }
  const gateway = stripeGateway(config)
  let event: Awaited<ReturnType<typeof gateway.getWebhookActionAndData>>
  try {
    event = await gateway.getWebhookActionAndData({
      data: req.body as Record<string, unknown>,
      rawData: (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? Buffer.from(""),
      headers: req.headers as Record<string, unknown>,
    })
  } catch {
    res.status(400).json({
      type: "invalid_data",
      code: "FIRMA_STRIPE_INVALIDA",
      message: "La firma del aviso de Stripe no es válida; no se registró nada.",
    })
    return
  }
  const requestId = event.data?.session_id
  if (event.action !== PaymentActions.SUCCESSFUL || !requestId) {
    res.json({ received: true, action: event.action })
    return
  }
  const [request] = await service.listPaymentRequests({ id: requestId }, { take: 1 })
  const intent = (req.body as { data?: { object?: { id?: string } } }).data?.object?.id ?? null
  if (!request || request.payment_channel !== "stripe" || !intent || request.stripe_payment_intent_id !== intent) {
    res.json({ received: true, action: "ignored" })
    return
  }
  if (request.status === "paid") {
    res.json({ received: true, action: "already_paid" })
    return
  }
  await confirmPaymentWorkflow(req.scope).run({
    input: {
      payment_request_id: request.id,
      agency_id: request.agency_id,
      clave_rastreo: intent,
      source: "stripe_webhook",
      actor: { actor_type: "system", actor_id: "stripe-webhook", role: null },
    },
  })
  res.json({ received: true, action: "paid" })
}
