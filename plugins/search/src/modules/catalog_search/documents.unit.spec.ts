import { derive, normalize, priceBucketOf, toCents, toHit, words } from "./documents"
import { buildTsQuery, queryWords } from "./providers/query-terms"
import type { SearchDocumentInput } from "./types"

const doc = (offers: SearchDocumentInput["offers"]): SearchDocumentInput => ({
  id: "fwitem_1",
  code: "AM-001",
  name: "Bolígrafo tinta azul",
  description: "Caja con 12",
  unspsc_code: "44121704",
  commodity_title: "Bolígrafos",
  segment_code: "44000000",
  segment_title: "Equipos de oficina",
  family_code: "44120000",
  family_title: "Suministros de oficina",
  class_code: "44121700",
  class_title: "Instrumentos de escritura",
  cog_partida: "21101",
  cog_partida_title: "Materiales y útiles de oficina",
  sat_clave_unidad: "XBX",
  ceiling_price: "60",
  contract_id: "fwc_1",
  contract_number: "CM-1",
  contract_title: "Útiles",
  contract_status: "published",
  lot_id: "fwlot_1",
  lot_number: 1,
  lot_title: "Papelería",
  unit_ids: ["unit_1"],
  offers,
})
const offer = (supplier: string, price: string, days: Record<string, number>, sme = false) => ({
  offer_id: `off_${supplier}`,
  supplier_id: supplier,
  supplier_name: supplier.toUpperCase(),
  sme,
  price,
  price_cents: toCents(price),
  min_order_qty: 1,
  delivery_days: days,
})

describe("search documents", () => {
  it("normalizes Spanish text like unaccent and splits words", () => {
    expect(normalize("Bolígrafo PEQUEÑO Ácido")).toBe("boligrafo pequeno acido")
    expect(words("Papel bond carta 75 g, caja")).toEqual(["papel", "bond", "carta", "75", "caja"])
    expect(queryWords("  bolígrafo  BOLIGRAFO azul!! ")).toEqual(["boligrafo", "azul"])
  })

  it("converts decimal strings to exact centavos", () => {
    expect([toCents("58.5"), toCents("47.35"), toCents("52"), toCents("0.07")]).toEqual([5850, 4735, 5200, 7])
  })

  it("derives price range, suppliers, zones and fastest delivery from the offers", () => {
    const d = derive(doc([offer("a", "52", { CMX: 2, JAL: 4 }, true), offer("b", "47.35", { CMX: 5, NLE: 1 })]))
    expect(d).toEqual(
      expect.objectContaining({
        offer_keys: ["fwc_1:a", "fwc_1:b"],
        supplier_ids: ["a", "b"],
        sme_supplier_ids: ["a"],
        zones: ["CMX", "JAL", "NLE"],
        min_cents: 4735,
        max_cents: 5200,
        delivery: { CMX: 2, JAL: 4, NLE: 1 },
      }),
    )
    expect(d.search_text).toContain("boligrafo tinta azul")
  })

  it("shows only allowed offers, cheapest first, with the buyer's delivery days", () => {
    const source = doc([offer("a", "52", { CMX: 2 }, true), offer("b", "47.35", { CMX: 5 })])
    expect(toHit(source, new Set(["fwc_1:a", "fwc_1:b"]), "CMX")).toEqual(
      expect.objectContaining({ min_price: "47.35", max_price: "52", sme: true, delivery_days: 2 }),
    )
    const hit = toHit(source, new Set(["fwc_1:b"]), "CMX")
    expect(hit.offers.map((o) => o.supplier_id)).toEqual(["b"])
    expect(hit).toEqual(expect.objectContaining({ min_price: "47.35", max_price: "47.35", sme: false, delivery_days: 5 }))
  })

  it("buckets prices for the price facet", () => {
    expect([priceBucketOf(4999), priceBucketOf(5000), priceBucketOf(65000), priceBucketOf(900000)]).toEqual([0, 1, 4, 6])
  })

  it("corrects unknown words with their nearest vocabulary words and keeps synonyms", () => {
    const q = buildTsQuery([
      { word: "boligrfo", known: false, prefix_known: false, near: ["boligrafo", "boligrafos"] },
      { word: "azul", known: true, prefix_known: true, near: ["azul"] },
    ])
    expect(q).toEqual({ tsquery: "(boligrafo | boligrafos) & azul:*", corrected: "boligrafo azul" })
    expect(buildTsQuery([{ word: "pluma", known: false, prefix_known: false, near: [] }])).toEqual({
      tsquery: "(pluma:* | boligrafo)",
      corrected: null,
    })
    expect(buildTsQuery([])).toBeNull()
  })
})
