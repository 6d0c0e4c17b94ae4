import stripeProviders, { discoveryPath } from "@medusajs/medusa/payment-stripe"
import { MedusaError, type AbstractPaymentProvider } from "@medusajs/framework/utils"
import { createRequire } from "node:module"

/** Stripe, as the plugin options give it (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE). */
export type StripeSettings = {
  apiKey: string
  webhookSecret: string
  /** Another Stripe API endpoint (stripe-mock, a local fake in tests); default api.stripe.com. */
  apiBase?: string | null
}

/** Medusa's Stripe provider as this plugin uses it: create/cancel a PaymentIntent, read a webhook. */
export type SupplierStripeGateway = Pick<AbstractPaymentProvider, "initiatePayment" | "cancelPayment" | "getWebhookActionAndData">

type ProviderClass = (new (cradle: Record<string, unknown>, options: Record<string, unknown>) => SupplierStripeGateway) & {
  identifier?: string
}
type StripeConstructor = new (key: string, config: Record<string, unknown>) => unknown
type WithClient = { stripe_: unknown }

/** The stripe SDK the provider itself is built on (its own copy, resolved from the provider's package). */
function providerSdk(): StripeConstructor {
  const sdk = createRequire(discoveryPath)("stripe") as StripeConstructor | { default: StripeConstructor }
  return typeof sdk === "function" ? sdk : sdk.default
}

/**
 * Medusa's own Stripe payment provider (`@medusajs/medusa/payment-stripe`,
 * the class behind the Payment Module's `pp_stripe_stripe`): the
 * PaymentIntent is created by its `initiatePayment` and the webhook is read
 * by its `getWebhookActionAndData` (Stripe's `webhooks.constructEvent`: the
 * signature is verified with the webhook secret). The only addition: its
 * SDK client may point at another API base (tests without network).
 */
export function createStripeGateway(settings: StripeSettings): SupplierStripeGateway {
  const Provider = (stripeProviders.services as unknown as ProviderClass[]).find((s) => s.identifier === "stripe")
  if (!Provider) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "El proveedor de pagos Stripe de Medusa no está disponible.",
      "STRIPE_NO_CONFIGURADO",
    )
  }
  const provider = new Provider({}, { apiKey: settings.apiKey, webhookSecret: settings.webhookSecret, capture: true })
  if (settings.apiBase) {
    const url = new URL(settings.apiBase)
    const protocol = url.protocol.replace(":", "")
    const client = provider as unknown as WithClient
    client.stripe_ = new (providerSdk())(settings.apiKey, {
      host: url.hostname,
      port: Number(url.port) || (protocol === "https" ? 443 : 80),
      protocol,
      maxNetworkRetries: 0,
    })
  }
  return provider
}

const gateways = new Map<string, SupplierStripeGateway>()

/** One gateway per configuration (the SDK client is reused). */
export function stripeGateway(settings: StripeSettings): SupplierStripeGateway {
  const key = `${settings.apiKey}|${settings.webhookSecret}|${settings.apiBase ?? ""}`
  let gateway = gateways.get(key)
  if (!gateway) {
    gateway = createStripeGateway(settings)
    gateways.set(key, gateway)
  }
  return gateway
}
