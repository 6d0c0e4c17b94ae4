import { StripeProviderService } from "@medusajs/payment-stripe/dist/services"

/** Stripe, as the plugin options give it (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE). */
export type StripeSettings = {
  apiKey: string
  webhookSecret: string
  /** Another Stripe API endpoint (stripe-mock, a local fake in tests); default api.stripe.com. */
  apiBase?: string | null
}

type StripeClient = { constructor: new (key: string, config: Record<string, unknown>) => unknown }

/**
 * Medusa's own Stripe payment provider (`@medusajs/payment-stripe`, the
 * `pp_stripe_stripe` provider of the Payment Module): the PaymentIntent is
 * created by its `initiatePayment` and the webhook is read by its
 * `getWebhookActionAndData` (Stripe's `webhooks.constructEvent`: the
 * signature is verified with the webhook secret). The only addition: the
 * SDK client may point at another API base (tests without network).
 */
export class SupplierStripeGateway extends StripeProviderService {
  constructor(settings: StripeSettings) {
    super({}, { apiKey: settings.apiKey, webhookSecret: settings.webhookSecret, capture: true })
    if (settings.apiBase) {
      const url = new URL(settings.apiBase)
      const protocol = url.protocol.replace(":", "")
      const Stripe = (this.stripe_ as unknown as StripeClient).constructor
      this.stripe_ = new Stripe(settings.apiKey, {
        host: url.hostname,
        port: Number(url.port) || (protocol === "https" ? 443 : 80),
        protocol,
        maxNetworkRetries: 0,
      }) as typeof this.stripe_
    }
  }
}

const gateways = new Map<string, SupplierStripeGateway>()

/** One gateway per configuration (the SDK client is reused). */
export function stripeGateway(settings: StripeSettings): SupplierStripeGateway {
  const key = `${settings.apiKey}|${settings.webhookSecret}|${settings.apiBase ?? ""}`
  let gateway = gateways.get(key)
  if (!gateway) {
    gateway = new SupplierStripeGateway(settings)
    gateways.set(key, gateway)
  }
  return gateway
}
