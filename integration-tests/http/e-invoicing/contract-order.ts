import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type TestCa } from "@tienda/contracts/efirma"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { makeRfc } from "../../../seed/src/rfc"
import type { World } from "../../utils/world"
import { login, PASSWORD } from "../../utils/world"
import { makeKey } from "../budget/helpers"
import { contractSigners } from "../contracts/efirma-helpers"
import { catalogFixtures } from "../framework-contracts/fixtures"

/**
 * The one legal path to an order, driven over HTTP as the requisitions spec
 * does: a published framework contract and an approved offer, a requisition
 * approved by every step, its specific contract generated and signed by both
 * parties with e.firma (test CA `ca`, trusted through EFIRMA_CA_BUNDLE) →
 * in force → the contract's order. Returns what the reception/payment tests
 * need.
 */
export function contractOrderFixtures(world: () => World, baseUrl: () => string, container: () => MedusaContainer, ca: () => TestCa) {
  const fx = catalogFixtures(world, baseUrl, container)
  const { post, get, token } = fx
  const requester = () => token("requiring_unit")
  const signers = contractSigners({
    baseUrl,
    publishableKey: () => world().publishableKey,
    container,
    ca,
    reader: () => token("purchasing_unit"),
  })
  const { efirmaOf } = signers
  // the database is restored before each test: registered certificates with it
  beforeEach(() => signers.reset())

  async function sign(contractId: string, side: "agency" | "supplier", actor: { person_id: string; token: string; actor_type: string }) {
    const res = await signers.sign(contractId, side, actor)
    expect(res.status).toBe(200)
    return res
  }

  /** The unit head: a second requiring-unit person (approves the requisition's first step). */
  async function unitHead() {
    const email = `titular.${Math.random().toString(36).slice(2, 8)}@prueba.gob.mx`
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyA,
        full_name: "Titular del Área Requirente",
        email,
        rfc: makeRfc("TIAR", "750101", "AB"),
        password: PASSWORD,
        roles: [{ role: "requiring_unit", unit_id: world().units["SSA-AR01"] }],
      },
    })
    return login(baseUrl(), "customer", email)
  }

  /**
   * A contract in force for `quantity` pens at `price` from world().orgs.supplier
   * to agency A, delivery on `deliveryDate`, and its order.
   */
  async function signedContractOrder(opts: {
    quantity?: number
    price?: string
    deliveryDate: string
    budgetKey?: { id: string }
    /** The agency's choice at generation (body `payment_plan`); omitted → the default, one exhibition. */
    paymentPlan?: "una_exhibicion" | "parcialidades_o_diferido"
    /** Runs on the approved requisition, before its contracts are generated. */
    beforeGeneration?: (requisitionId: string) => Promise<void>
  }) {
    const { itemId } = await fx.publishedContract()
    await fx.approvedOffer(itemId, world().orgs.supplier, opts.price ?? "49.90")
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [offer],
    } = await query.graph({ entity: "offer", fields: ["variant_id"] })
    const key = opts.budgetKey ?? (await makeKey(container(), world().orgs.agencyA, { aprobado: "100000.00" }))
    const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, requester())
    expect(
      (
        await post(
          `/store/carts/${cart.body.cart.id}/line-items`,
          { variant_id: offer.variant_id, quantity: opts.quantity ?? 10 },
          requester(),
        )
      ).status,
    ).toBe(200)
    const created = await post(
      "/store/requisitions",
      {
        cart_id: cart.body.cart.id,
        unit_id: world().units["SSA-AR01"],
        justification: "Reposición trimestral de papelería del área",
        budget_key_id: key.id,
        delivery_place: "Almacén central, Lieja 7, Juárez, CDMX",
        delivery_date: opts.deliveryDate,
      },
      requester(),
    )
    expect(created.status).toBe(201)
    const r = created.body.requisition as { id: string }
    expect((await post(`/store/requisitions/${r.id}/submit`, {}, requester())).status).toBe(200)
    for (const bearer of [await unitHead(), token("purchasing_unit"), token("budget")]) {
      const cur = (await get(`/store/requisitions/${r.id}`, requester())).body.requisition
      if (cur.status !== "pending_approval") {
        break
      }
      expect((await post(`/store/requisitions/${r.id}/decisions`, { decision: "approve" }, bearer)).status).toBe(200)
    }
    await opts.beforeGeneration?.(r.id)
    const generation = opts.paymentPlan ? { payment_plan: opts.paymentPlan } : {}
    expect((await post(`/store/requisitions/${r.id}/contracts`, generation, token("purchasing_unit"))).status).toBe(201)
    const {
      data: [linked],
    } = await query.graph({ entity: "requisition", fields: ["specific_contracts.id", "specific_contracts.number"], filters: { id: r.id } })
    const contract = (linked.specific_contracts as { id: string; number: string }[])[0]
    await sign(contract.id, "agency", world().actors.purchasing_unit)
    await sign(contract.id, "supplier", world().actors.supplier_user)
    const {
      data: [withOrder],
    } = await query.graph({ entity: "specific_contract", fields: ["id", "total", "subtotal", "order.id"], filters: { id: contract.id } })
    return {
      contract_id: contract.id,
      contract_number: contract.number,
      order_id: (withOrder.order as { id: string }).id,
      total: String(withOrder.total),
      budget_key_id: key.id as string,
      offer_variant_id: offer.variant_id as string,
    }
  }

  return { ...fx, signedContractOrder, efirmaOf, unitHead, signers }
}
