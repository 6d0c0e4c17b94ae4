import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  changeContractStatusWorkflow,
  createSanctionsWorkflow,
  enrolSuppliersWorkflow,
  enrolUnitsWorkflow,
  importClassifierWorkflow,
  setCrosswalkWorkflow,
  submitOfferRequestWorkflow,
  syncStoreProductsWorkflow,
} from "@tienda/framework-contracts/workflows"
import { parseClassifierCsv } from "@tienda/framework-contracts/catalog"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"
import { catalogFixtures, CLASSIFIER_CSV, failAtEnd } from "./fixtures"

/**
 * Every catalog workflow, run with a final action that fails: the flow ends
 * "reverted", the catalog and the Medusa store are as before, and the audit
 * ledger holds the action followed by its `.reverted` entry.
 */
describeApp("framework-contracts workflow compensation", ({ world, baseUrl, container }) => {
  const { count, publishedContract, approvedOffer, token, post } = catalogFixtures(world, baseUrl, container)
  const ledger = auditLedger(container)
  /** Runs a failing workflow; expects it reverted and, when `action` is given, audited then reverted. */
  const run = async (
    wf: { run: (a: never) => Promise<{ transaction: { getFlow: () => { state: string } } }> },
    input: object,
    action?: string,
  ) => {
    const base = await ledger.head()
    const { transaction } = await wf.run({ throwOnError: false, input } as never)
    expect(transaction.getFlow().state).toBe("reverted")
    const entries = await ledger.since(base)
    expect(entries.map((e) => e.action)).toEqual(action ? [action, `${action}.reverted`] : [])
    if (action) {
      expect(entries[1]).toMatchObject({
        entity_type: entries[0].entity_type,
        entity_id: entries[0].entity_id,
        details: { reverts_sequence: entries[0].sequence, reverts_entry_id: expect.any(String) },
      })
    }
  }
  const productStatuses = async () => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["status"] })
    return data.map((p) => p.status).sort()
  }

  it("records every catalog change in the audit ledger with the caller as actor", async () => {
    const base = await ledger.head()
    const { id, itemId } = await publishedContract()
    const offer = await post(
      "/supplier/offer-requests",
      { item_id: itemId, price: "50.00", delivery_days: { CMX: 3 } },
      token("supplier_user"),
    )
    expect(offer.status).toBe(201)
    const requestId = offer.body.offer_request.id as string
    const review = await post(`/admin/offer-requests/${requestId}/review`, { decision: "approve" }, token("shcp_contract_admin"))
    expect(review.status).toBe(200)
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [org],
    } = await query.graph({ entity: "organization", fields: ["rfc", "legal_name"], filters: { id: world().orgs.supplier2 } })
    const sanction = {
      supplier_rfc: org.rfc,
      supplier_name: org.legal_name,
      type: "Inhabilitación",
      authority: "SABG",
      starts_on: "2026-01-15",
    }
    const sanctioned = await post("/admin/sanctions", { sanctions: [sanction] }, token("shcp_contract_admin"))
    expect(sanctioned.status).toBe(201)
    // The same sanction again changes nothing, so nothing is recorded.
    expect((await post("/admin/sanctions", { sanctions: [sanction] }, token("shcp_contract_admin"))).body).toMatchObject({
      created: 0,
      duplicates: 1,
    })
    const {
      data: [stored],
    } = await query.graph({ entity: "sanction", fields: ["id"] })

    const planning = { actor_type: "user", actor_id: await ledger.actorIdOf(world().actors.shcp_planning.person_id), role: "shcp_planning" }
    const admin = {
      actor_type: "user",
      actor_id: await ledger.actorIdOf(world().actors.shcp_contract_admin.person_id),
      role: "shcp_contract_admin",
    }
    const supplier = { actor_type: "supplier", actor_id: world().actors.supplier_user.person_id, role: "supplier_user" }
    const entries = await ledger.since(base)
    expect(
      entries.map((e) => ({
        action: e.action,
        entity_type: e.entity_type,
        entity_id: e.entity_id,
        actor_type: e.actor_type,
        actor_id: e.actor_id,
        role: e.role,
      })),
    ).toEqual([
      { action: "unspsc_classifier.imported", entity_type: "unspsc_classifier", entity_id: "UNSPSC", ...planning },
      { action: "cog_crosswalk.set", entity_type: "cog_crosswalk", entity_id: expect.any(String), ...planning },
      { action: "framework_contract.created", entity_type: "framework_contract", entity_id: id, ...admin },
      { action: "framework_contract.suppliers_enrolled", entity_type: "framework_contract", entity_id: id, ...admin },
      { action: "framework_contract.units_enrolled", entity_type: "framework_contract", entity_id: id, ...admin },
      { action: "framework_contract.published", entity_type: "framework_contract", entity_id: id, ...admin },
      { action: "offer_request.submitted", entity_type: "offer_request", entity_id: requestId, ...supplier },
      { action: "offer_request.approved", entity_type: "offer_request", entity_id: requestId, ...admin },
      { action: "sanction.created", entity_type: "sanction", entity_id: stored.id, ...admin },
    ])
    expect(entries.find((e) => e.action === "offer_request.submitted")?.details).toMatchObject({
      kind: "new_offer",
      item_id: itemId,
      price: "50.00",
    })
    expect(entries.find((e) => e.action === "sanction.created")?.details).toMatchObject({ supplier_rfc: org.rfc, authority: "SABG" })
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.after_digest ?? ""))).toBe(true)
  })

  it("the database refuses an offer or a price above the item's ceiling, whatever writes it", async () => {
    const { itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "58.50")
    const service = container().resolve("framework_contract") as {
      listOffers: (f: object) => Promise<{ id: string }[]>
      updateOffers: (d: object) => Promise<unknown>
      createOfferPrices: (d: object) => Promise<unknown>
    }
    const [offer] = await service.listOffers({ item_id: itemId })
    await expect(service.updateOffers({ id: offer.id, price: "58.51" })).rejects.toThrow(/PRECIO_SUPERA_TECHO/)
    await expect(service.createOfferPrices({ offer_id: offer.id, price: "70.00", valid_from: new Date() })).rejects.toThrow(
      /PRECIO_SUPERA_TECHO/,
    )
    expect(await count("offer_price", { offer_id: offer.id })).toBe(1)
  })

  it("import-classifier: no code stays behind", async () => {
    const parsed = parseClassifierCsv(CLASSIFIER_CSV)
    await run(failAtEnd(importClassifierWorkflow(container())), { rows: parsed.rows, version: "UNSPSC v26" }, "unspsc_classifier.imported")
    expect(await count("unspsc_code")).toBe(0)
  })

  it("set-crosswalk: the previous partida is open again and the new one is gone", async () => {
    await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, token("shcp_planning"))
    await post(
      "/admin/classifier/crosswalk",
      { unspsc_code: "44121704", partida: "21101", partida_title: "Materiales y útiles de oficina" },
      token("shcp_planning"),
    )
    await run(
      failAtEnd(setCrosswalkWorkflow(container())),
      {
        unspsc_code: "44121704",
        partida: "21401",
        partida_title: "Materiales y útiles de impresión",
        changed_by: null,
        at: new Date().toISOString(),
      },
      "cog_crosswalk.set",
    )
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cog_crosswalk",
      fields: ["partida", "valid_until"],
      filters: { unspsc_code: "44121704" },
    })
    expect(data).toEqual([expect.objectContaining({ partida: "21101", valid_until: null })])
  })

  it("change-contract-status: status, version and the store products are restored", async () => {
    const { id, itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "49.90")
    const versions = await count("contract_version", { contract_id: id })
    await run(
      failAtEnd(changeContractStatusWorkflow(container())),
      { contract_id: id, status: "suspended" },
      "framework_contract.suspended",
    )
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [contract],
    } = await query.graph({ entity: "framework_contract", fields: ["status"], filters: { id } })
    expect(contract.status).toBe("published")
    expect(await count("contract_version", { contract_id: id })).toBe(versions)
    expect(await productStatuses()).toEqual(["published"])
  })

  it("enrol-suppliers and enrol-units: no enrolment stays behind", async () => {
    const { id } = await publishedContract()
    const suppliers = await count("supplier_enrolment")
    const units = await count("unit_enrolment")
    await run(
      failAtEnd(enrolSuppliersWorkflow(container())),
      { contract_id: id, supplier_ids: [world().orgs.supplier], valid_from: "2026-06-01", valid_until: "2026-07-01" },
      "framework_contract.suppliers_enrolled",
    )
    await run(
      failAtEnd(enrolUnitsWorkflow(container())),
      { contract_id: id, unit_ids: [world().units["SSA-UC"]] },
      "framework_contract.units_enrolled",
    )
    expect(await count("supplier_enrolment")).toBe(suppliers)
    expect(await count("unit_enrolment")).toBe(units)
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "supplier_enrolment",
      fields: ["valid_until"],
      filters: { supplier_id: world().orgs.supplier },
    })
    expect(data[0].valid_until).toBeNull()
  })

  it("submit-offer-request: no request stays behind", async () => {
    const { itemId } = await publishedContract()
    await run(
      failAtEnd(submitOfferRequestWorkflow(container())),
      {
        supplier_id: world().orgs.supplier,
        item_id: itemId,
        price: "50.00",
        min_order_qty: 1,
        delivery_days: { CMX: 3 },
        requested_by: "test",
      },
      "offer_request.submitted",
    )
    expect(await count("offer_request")).toBe(0)
  })

  it("create-sanctions: the sanction is gone and the supplier's products are published again", async () => {
    const { itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "49.90")
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [org],
    } = await query.graph({ entity: "organization", fields: ["rfc", "legal_name"], filters: { id: world().orgs.supplier } })
    await run(
      failAtEnd(createSanctionsWorkflow(container())),
      {
        sanctions: [
          { supplier_rfc: org.rfc, supplier_name: org.legal_name, type: "Inhabilitación", authority: "SFP", starts_on: "2026-01-01" },
        ],
      },
      "sanction.created",
    )
    expect(await count("sanction")).toBe(0)
    expect(await productStatuses()).toEqual(["published"])
  })

  it("sync-store-products: products created for offers are removed and the offers unlinked", async () => {
    const { itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "49.90")
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [offer],
    } = await query.graph({ entity: "offer", fields: ["id", "variant_id"] })
    // forget the product so the sync has to create it again, then make that run fail
    const { Modules } = await import("@medusajs/framework/utils")
    const products = container().resolve(Modules.PRODUCT)
    const {
      data: [product],
    } = await query.graph({ entity: "product", fields: ["id"] })
    await products.deleteProducts([product.id])
    const service = container().resolve("framework_contract") as { updateOffers: (d: object) => Promise<unknown> }
    await service.updateOffers({ id: offer.id, variant_id: null })
    // A derived projection of the catalog: not audited.
    await run(failAtEnd(syncStoreProductsWorkflow(container())), { offer_ids: [offer.id] })
    expect(await count("product")).toBe(0)
    const {
      data: [after],
    } = await query.graph({ entity: "offer", fields: ["variant_id"], filters: { id: offer.id } })
    expect(after.variant_id).toBeNull()
  })
})
