import { paymentChannel } from "./channel"

describe("paymentChannel", () => {
  it("pays through Stripe only when it is configured, the agency uses its own resources and the key is an own-resources key", () => {
    expect(paymentChannel({ stripe_configured: true, agency_own_resources: true, key_provider: "own_resources" })).toBe("stripe")
  })

  it.each([
    ["Stripe not configured", { stripe_configured: false, agency_own_resources: true, key_provider: "own_resources" }],
    ["an agency paid by the Treasury", { stripe_configured: true, agency_own_resources: false, key_provider: "own_resources" }],
    ["a SICOP/SIAFF key", { stripe_configured: true, agency_own_resources: true, key_provider: "sicop_siaff" }],
  ])("otherwise SPEI (%s)", (_why, input) => {
    expect(paymentChannel(input)).toBe("spei")
  })
})
