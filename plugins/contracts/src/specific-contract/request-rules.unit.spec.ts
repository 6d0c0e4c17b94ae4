import {
  assertBudgetKey,
  assertContractRequest,
  assertLotThresholds,
  assertWithinFrameworkMaximum,
  assertWithinRequisition,
  contractLineRequests,
  issuingUnits,
  type OfferRow,
} from "./request-rules"

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message }
  }
  return null
}

const head = {
  agency_id: "org_a",
  requisition_id: "req_1",
  approved_total: "1160.00",
  lines: [{}],
  penalties: { rate_per_day_percent: "1.00", cap_percent: "10.00" },
  actor: { organization_id: "org_a" },
}

describe("assertContractRequest", () => {
  it("accepts a request of the caller's agency from an approved requisition", () => {
    expect(refusal(() => assertContractRequest(head))).toBeNull()
  })

  it("refuses another agency, no requisition, no lines, and penalties beyond 20 %", () => {
    expect(refusal(() => assertContractRequest({ ...head, actor: { organization_id: "org_b" } }))?.code).toBe(
      "DEPENDENCIA_FUERA_DE_ALCANCE",
    )
    expect(refusal(() => assertContractRequest({ ...head, requisition_id: null }))?.code).toBe("CONTRATO_SOLO_DESDE_REQUISICION")
    expect(refusal(() => assertContractRequest({ ...head, approved_total: null }))?.code).toBe("CONTRATO_SOLO_DESDE_REQUISICION")
    expect(refusal(() => assertContractRequest({ ...head, lines: [] }))?.code).toBe("OFERTA_NO_VALIDA")
    expect(
      refusal(() => assertContractRequest({ ...head, penalties: { rate_per_day_percent: "1.00", cap_percent: "20.01" } }))?.message,
    ).toContain("20 %")
    expect(refusal(() => assertContractRequest({ ...head, penalties: { rate_per_day_percent: "uno", cap_percent: "10" } }))).not.toBeNull()
  })

  it("takes the two payment plans and refuses any other", () => {
    expect(refusal(() => assertContractRequest({ ...head, payment_plan: "una_exhibicion" }))).toBeNull()
    expect(refusal(() => assertContractRequest({ ...head, payment_plan: "parcialidades_o_diferido" }))).toBeNull()
    expect(refusal(() => assertContractRequest({ ...head, payment_plan: "PPD" }))?.code).toBe("PLAN_DE_PAGO_INVALIDO")
  })
})

describe("issuingUnits", () => {
  const units = [
    { id: "u_req", code: "A", name: "Área requirente", kind: "requiring_unit", state_code: "CMX", is_active: true },
    { id: "u_buy", code: "B", name: "Compras", kind: "purchasing_unit", state_code: "JAL", is_active: true },
    { id: "u_old", code: "C", name: "Cerrada", kind: "purchasing_unit", state_code: "CMX", is_active: false },
  ]

  it("issues from the purchasing unit by default and delivers there unless told", () => {
    const { unit, deliveryUnit } = issuingUnits(units, {})
    expect([unit.id, deliveryUnit.id]).toEqual(["u_buy", "u_buy"])
    expect(issuingUnits(units, { agency_unit_id: "u_req", delivery_unit_id: "u_buy" }).deliveryUnit.id).toBe("u_buy")
  })

  it("refuses an inactive or foreign unit, for issuing and for delivery", () => {
    expect(refusal(() => issuingUnits(units, { agency_unit_id: "u_old" }))?.message).toContain("La unidad que emite")
    expect(refusal(() => issuingUnits(units, { delivery_unit_id: "u_other" }))?.message).toContain("La unidad de entrega")
  })
})

describe("contractLineRequests", () => {
  const supplier = { id: "org_s", legal_name: "Papelería del Centro" }
  const framework = { id: "fwc_1", number: "CM-2026-001" }
  const row = (over: Partial<OfferRow> = {}): OfferRow => ({
    id: "off_1",
    supplier_id: "org_s",
    price: "10.005",
    status: "active",
    min_order_qty: 5,
    delivery_days: null,
    item: {
      id: "itm_1",
      code: "P-1",
      name: "Papel bond",
      description: "Resma",
      unspsc_code: "14111507",
      cog_partida: "21101",
      sat_clave_unidad: "H87",
      iva_treatment: "standard",
      ceiling_price: "12.00",
      lot: { id: "lot_1", number: 1, contract_id: "fwc_1", competition_threshold: "1000" },
    },
    ...over,
  })

  it("freezes the offer's price (two decimals) and keeps the lot of each line", () => {
    const [r] = contractLineRequests([{ offer_id: "off_1", quantity: 5 }], [row()], { supplier, framework })
    expect(r.offer.price).toBe("10.01")
    expect(r.offer.item.contract_id).toBe("fwc_1")
    expect(r.lot).toEqual({ id: "lot_1", number: 1, contract_id: "fwc_1", competition_threshold: "1000" })
    expect(r.delivery_date).toBeNull()
  })

  it("refuses a repeated offer, another supplier's or another contract's offer, and a quantity under the minimum", () => {
    expect(
      refusal(() =>
        contractLineRequests(
          [
            { offer_id: "off_1", quantity: 5 },
            { offer_id: "off_1", quantity: 5 },
          ],
          [row()],
          { supplier, framework },
        ),
      )?.message,
    ).toContain("una sola vez")
    expect(
      refusal(() => contractLineRequests([{ offer_id: "off_1", quantity: 5 }], [row({ supplier_id: "org_x" })], { supplier, framework }))
        ?.message,
    ).toContain("no es de Papelería del Centro")
    expect(refusal(() => contractLineRequests([{ offer_id: "off_2", quantity: 5 }], [row()], { supplier, framework }))?.code).toBe(
      "OFERTA_NO_VALIDA",
    )
    expect(refusal(() => contractLineRequests([{ offer_id: "off_1", quantity: 4 }], [row()], { supplier, framework }))?.message).toContain(
      "al menos 5",
    )
    expect(refusal(() => contractLineRequests([{ offer_id: "off_1", quantity: 5.5 }], [row()], { supplier, framework }))?.code).toBe(
      "OFERTA_NO_VALIDA",
    )
  })
})

describe("assertBudgetKey", () => {
  const key = { id: "bk_1", organization_id: "org_a", clave: "2026-12-500", partida_especifica: "21101", is_active: true }
  const requests = [{ offer: { item: { name: "Papel bond", cog_partida: "21101" } } }] as never

  it("accepts the agency's active key of the items' partida", () => {
    expect(refusal(() => assertBudgetKey(key, "org_a", requests))).toBeNull()
  })

  it("refuses a missing, inactive, foreign key, or one of another partida", () => {
    expect(refusal(() => assertBudgetKey(undefined, "org_a", requests))?.code).toBe("CLAVE_PRESUPUESTAL_INVALIDA")
    expect(refusal(() => assertBudgetKey({ ...key, is_active: false }, "org_a", requests))).not.toBeNull()
    expect(refusal(() => assertBudgetKey(key, "org_b", requests))).not.toBeNull()
    expect(refusal(() => assertBudgetKey({ ...key, partida_especifica: "21401" }, "org_a", requests))?.message).toContain(
      "es de la partida 21101",
    )
  })
})

describe("amount limits", () => {
  const lot = { id: "lot_1", number: 3, competition_threshold: "1000.00" }

  it("no lot above its competition threshold without an award (summed per lot, before IVA)", () => {
    const two = [
      { lot, offer: { price: "300.00" }, quantity: 2 },
      { lot, offer: { price: "400.00" }, quantity: 1 },
    ]
    expect(refusal(() => assertLotThresholds(two))).toBeNull()
    const over = [...two, { lot, offer: { price: "0.01" }, quantity: 1 }]
    const r = refusal(() => assertLotThresholds(over))
    expect(r?.code).toBe("CONTRATO_EXCEDE_UMBRAL_DE_PARTIDA")
    expect(r?.message).toContain("La partida 3 suma 1000.01 MXN")
    expect(refusal(() => assertLotThresholds(over, "mcomp_1"))).toBeNull()
  })

  it("not above what the requisition approved (with IVA)", () => {
    expect(refusal(() => assertWithinRequisition("1160.00", "1160.00"))).toBeNull()
    expect(refusal(() => assertWithinRequisition("1160.01", "1160.00"))?.code).toBe("CONTRATO_EXCEDE_REQUISICION")
  })

  it("the framework contract's maximum counts the contracts already issued", () => {
    const fw = { number: "CM-2026-001", max_amount: "10000" }
    expect(refusal(() => assertWithinFrameworkMaximum(fw, ["4000.00", "5000.00"], "1000.00"))).toBeNull()
    const r = refusal(() => assertWithinFrameworkMaximum(fw, ["4000.00", "5000.00"], "1000.01"))
    expect(r?.code).toBe("CONTRATO_EXCEDE_MAXIMO_DEL_CONTRATO_MARCO")
    expect(r?.message).toContain("ya hay 9000.00 MXN contratados")
    expect(refusal(() => assertWithinFrameworkMaximum({ number: "CM-2", max_amount: null }, ["1e9"], "1"))).toBeNull()
  })
})
