/**
 * How an authorised payment request reaches the supplier: `spei` (the CLC —
 * SIAFF for Treasury keys, the agency's own SPEI for own-resources keys —
 * confirmed with its clave de rastreo) or `stripe` (Medusa's Stripe payment
 * provider; paid only when Stripe's signed webhook says so). Stripe is used
 * only when it is configured (STRIPE_API_KEY), the agency is marked as
 * paying from its own resources, and the budget key is an own-resources key
 * (Treasury money never leaves through Stripe).
 */
export type PaymentChannel = "spei" | "stripe"

export function paymentChannel(input: {
  stripe_configured: boolean
  agency_own_resources: boolean
  key_provider: "own_resources" | "sicop_siaff" | string
}): PaymentChannel {
  return input.stripe_configured && input.agency_own_resources && input.key_provider === "own_resources" ? "stripe" : "spei"
}
