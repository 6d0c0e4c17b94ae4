import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { describeApp } from "../../utils/runner"
import { catalogFixtures } from "./fixtures"

/**
 * Offers are sold through Medusa's own products, variants, prices and carts:
 * the store API follows approvals, price changes, sanctions and suspensions
 * in the same request, and every cart is gated server-side.
 */
describeApp("framework offers in the Medusa store and carts", ({ world, baseUrl, container }) => {
  const { token: as, post, get, publishedContract, approvedOffer } = catalogFixtures(world, baseUrl, container)
  const buyer = () => as("requiring_unit")

  async function publishedContractWithOffers() {
    const contract = await publishedContract()
    await approvedOffer(contract.itemId, world().orgs.supplier, "49.90", 2)
    await approvedOffer(contract.itemId, world().orgs.supplier2, "52.00", 2)
    return contract
  }

  async function storeProducts() {
    const res = await get("/store/products?fields=id,title,subtitle,status,metadata,*variants,*variants.prices&limit=100")
    expect(res.status).toBe(200)
    return res.body.products as {
      id: string
      subtitle: string
      metadata: Record<string, string>
      variants: { id: string; prices: { amount: number; currency_code: string }[] }[]
    }[]
  }
  const bySupplier = (products: Awaited<ReturnType<typeof storeProducts>>, supplierId: string) =>
    products.find((p) => p.metadata.supplier_id === supplierId)

  async function regionId() {
    const res = await get("/store/regions")
    return res.body.regions[0].id as string
  }
  async function cartFor(token?: string) {
    const res = await post("/store/carts", { region_id: await regionId() }, token)
    expect(res.status).toBe(200)
    return res.body.cart.id as string
  }

  /**
   * Medusa refuses to complete a cart without a payment session; the manual
   * provider stands in for the budget provider here so the test reaches the
   * catalog gate.
   */
  async function withPaymentSession(cartId: string, token: string) {
    await updateRegionsWorkflow(container()).run({
      input: { selector: { id: await regionId() }, update: { payment_providers: ["pp_system_default"] } },
    })
    const collection = await post("/store/payment-collections", { cart_id: cartId }, token)
    expect(collection.status).toBe(200)
    const session = await post(
      `/store/payment-collections/${collection.body.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      token,
    )
    expect(session.status).toBe(200)
  }

  it("an approved offer is a published Medusa product with its price in force", async () => {
    await publishedContractWithOffers()
    const products = await storeProducts()
    expect(products).toHaveLength(2)
    const offer = bySupplier(products, world().orgs.supplier)!
    expect(offer.variants[0].prices).toEqual([expect.objectContaining({ currency_code: "mxn", amount: 49.9 })])
    expect(offer.metadata).toEqual(expect.objectContaining({ unspsc_code: "44121704", cog_partida: "21101" }))
  })

  it("a price change stays invisible until approved, then the store shows the new price", async () => {
    const { itemId } = await publishedContractWithOffers()
    const req = await post(
      "/supplier/offer-requests",
      { item_id: itemId, price: "45.00", min_order_qty: 2, delivery_days: { CMX: 3, JAL: 5 } },
      as("supplier_user"),
    )
    expect(req.status).toBe(201)
    const before = bySupplier(await storeProducts(), world().orgs.supplier)!
    expect(before.variants[0].prices[0].amount).toBe(49.9)
    const review = await post(
      `/admin/offer-requests/${req.body.offer_request.id}/review`,
      { decision: "approve" },
      as("shcp_contract_admin"),
    )
    expect(review.status).toBe(200)
    const after = bySupplier(await storeProducts(), world().orgs.supplier)!
    expect(after.variants[0].prices[0].amount).toBe(45)
  })

  it("an enrolled buyer adds an offer to a cart and the line carries the price in force", async () => {
    await publishedContractWithOffers()
    const variant = bySupplier(await storeProducts(), world().orgs.supplier)!.variants[0].id
    const cart = await cartFor(buyer())
    const res = await post(`/store/carts/${cart}/line-items`, { variant_id: variant, quantity: 3 }, buyer())
    expect(res.status).toBe(200)
    expect(res.body.cart.items).toEqual([expect.objectContaining({ variant_id: variant, quantity: 3, unit_price: 49.9 })])
  })

  it("a sanction removes the supplier's offer from /store/products and blocks adding it to a cart in the next request", async () => {
    await publishedContractWithOffers()
    const variant = bySupplier(await storeProducts(), world().orgs.supplier)!.variants[0].id
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [org],
    } = await query.graph({ entity: "organization", fields: ["rfc", "legal_name"], filters: { id: world().orgs.supplier } })
    const sanction = await post(
      "/admin/sanctions",
      {
        sanctions: [
          { supplier_rfc: org.rfc, supplier_name: org.legal_name, type: "Inhabilitación", authority: "SFP", starts_on: "2026-01-01" },
        ],
      },
      as("shcp_contract_admin"),
    )
    expect(sanction.status).toBe(201)

    const products = await storeProducts()
    expect(bySupplier(products, world().orgs.supplier)).toBeUndefined()
    expect(bySupplier(products, world().orgs.supplier2)).toBeDefined()

    const cart = await cartFor(buyer())
    const add = await post(`/store/carts/${cart}/line-items`, { variant_id: variant, quantity: 3 }, buyer())
    expect(add.status).toBe(400)
    expect(add.body.code).toBe("PROVEEDOR_SANCIONADO")
    expect(add.body.message).toMatch(/sancionado/)
    const after = await get(`/store/carts/${cart}`, buyer())
    expect(after.body.cart.items).toEqual([])
  })

  it("a cart filled before the sanction cannot be completed afterwards", async () => {
    await publishedContractWithOffers()
    const variant = bySupplier(await storeProducts(), world().orgs.supplier)!.variants[0].id
    const cart = await cartFor(buyer())
    expect((await post(`/store/carts/${cart}/line-items`, { variant_id: variant, quantity: 3 }, buyer())).status).toBe(200)
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [org],
    } = await query.graph({ entity: "organization", fields: ["rfc", "legal_name"], filters: { id: world().orgs.supplier } })
    await post(
      "/admin/sanctions",
      {
        sanctions: [
          { supplier_rfc: org.rfc, supplier_name: org.legal_name, type: "Inhabilitación", authority: "SFP", starts_on: "2026-01-01" },
        ],
      },
      as("shcp_contract_admin"),
    )
    await withPaymentSession(cart, buyer())
    const complete = await post(`/store/carts/${cart}/complete`, {}, buyer())
    expect(complete.status).toBe(400)
    expect(complete.body.code).toBe("PROVEEDOR_SANCIONADO")
    const { data: orders } = await query.graph({ entity: "order", fields: ["id"] })
    expect(orders).toHaveLength(0)
  })

  it("suspending the contract unpublishes all its offers; reinstating republishes them", async () => {
    const { id } = await publishedContractWithOffers()
    expect((await post(`/admin/framework-contracts/${id}/status`, { status: "suspended" }, as("shcp_contract_admin"))).status).toBe(200)
    expect(await storeProducts()).toHaveLength(0)
    expect((await post(`/admin/framework-contracts/${id}/status`, { status: "published" }, as("shcp_contract_admin"))).status).toBe(200)
    expect(await storeProducts()).toHaveLength(2)
  })

  // Anonymous callers and agency roles that may not requisition get no cart at all (deny by
  // default, docs/security.md); the cart gate's own refusals stay as a second line.
  it.each([
    ["an anonymous caller", () => undefined, 401, "NO_AUTENTICADO"],
    ["an agency role that may not requisition", () => as("reception_manager"), 403, "PERMISO_DENEGADO"],
  ])("refuses a cart to %s", async (_label, token, status, code) => {
    const res = await post("/store/carts", { region_id: await regionId() }, token())
    expect(res.status).toBe(status)
    expect(res.body.code).toBe(code)
  })

  it.each([["a buyer whose unit is not enrolled", () => world().otherAgencyActor.token, "UNIDAD_NO_ADHERIDA"]])(
    "refuses adding an offer for %s, and the cart stays empty",
    async (_label, token, code) => {
      await publishedContractWithOffers()
      const variant = bySupplier(await storeProducts(), world().orgs.supplier)!.variants[0].id
      const cart = await cartFor(token())
      const add = await post(`/store/carts/${cart}/line-items`, { variant_id: variant, quantity: 3 }, token())
      expect(add.status).toBe(400)
      expect(add.body.code).toBe(code)
      const after = await get(`/store/carts/${cart}`, token())
      expect(after.body.cart.items).toEqual([])
    },
  )

  it("refuses completing a cart below the supplier's minimum order quantity", async () => {
    await publishedContractWithOffers()
    const variant = bySupplier(await storeProducts(), world().orgs.supplier)!.variants[0].id
    const cart = await cartFor(buyer())
    expect((await post(`/store/carts/${cart}/line-items`, { variant_id: variant, quantity: 1 }, buyer())).status).toBe(200)
    await withPaymentSession(cart, buyer())
    const complete = await post(`/store/carts/${cart}/complete`, {}, buyer())
    expect(complete.status).toBe(400)
    expect(complete.body.code).toBe("CANTIDAD_MINIMA_NO_ALCANZADA")
  })
})
