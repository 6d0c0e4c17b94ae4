import type { ContractData } from "./types"

/**
 * A complete, fictitious contract used to try a new template version before
 * it is stored (every field a template may use is present) and by the
 * rendering tests. RFCs are synthetic.
 */
export const SAMPLE_CONTRACT_DATA: ContractData = {
  kind: "contract",
  number: "CE-SSA-2026-00001",
  issued_on: "2026-03-02",
  issued_place: "Ciudad de México",
  agency: {
    organization_id: "org_agencia",
    legal_name: "Secretaría de Salud",
    rfc: "SSA630502CU1",
    fiscal_address: "código postal 06600, Ciudad de México, México",
    agency_type: "dependencia",
    unit: { id: "unit_uc", code: "SSA-UC", name: "Unidad Compradora (Dirección de Adquisiciones)" },
    representative: {
      person_id: "per_uc",
      full_name: "Laura Méndez Ortiz",
      position: "Titular de la Unidad Compradora",
      rfc: "MEOL800101AB1",
    },
  },
  supplier: {
    organization_id: "org_proveedor",
    legal_name: "Papelería Industrial del Bajío, S.A. de C.V. <Ñandú & Cía>",
    rfc: "PIB040312A12",
    fiscal_address: "código postal 37000, Guanajuato, México",
    representative: { person_id: "per_prov", full_name: "Jorge Ramírez Soto", position: "Representante legal", rfc: "RASJ750505CD2" },
  },
  framework_contract: {
    id: "fwc_1",
    number: "CM-SHCP-2026-0001",
    title: "Contrato marco para la adquisición de materiales y útiles de oficina",
    legal_basis: "Artículos 17 de la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público y 14 de su Reglamento",
  },
  budget: { key_id: "bkey_1", clave: "2026-12-510-E023-21101-1-09", partida: "21101", fiscal_year: 2026 },
  lines: [
    {
      line: 1,
      offer_id: "fcoff_1",
      item_id: "fwitem_1",
      item_code: "0001-010101",
      description: "Bolígrafo tinta azul punto mediano, caja con 12",
      unspsc_code: "44121704",
      cog_partida: "21101",
      sat_clave_unidad: "XBX",
      unit_name: "Caja",
      quantity: 40,
      unit_price: "45.37",
      iva_treatment: "tasa_16",
      subtotal: "1814.80",
      iva: "290.37",
      total: "2105.17",
      delivery_date: null,
      delivery_days: 3,
    },
    {
      line: 2,
      offer_id: "fcoff_2",
      item_id: "fwitem_2",
      item_code: "0001-010201",
      description: "Lápiz de grafito HB No. 2, caja con 12",
      unspsc_code: "44121706",
      cog_partida: "21101",
      sat_clave_unidad: "XBX",
      unit_name: "Caja",
      quantity: 25,
      unit_price: "32.10",
      iva_treatment: "tasa_16",
      subtotal: "802.50",
      iva: "128.40",
      total: "930.90",
      delivery_date: "2026-03-20",
      delivery_days: null,
    },
  ],
  totals: {
    subtotal: "2617.30",
    iva: "418.77",
    total: "3036.07",
    currency: "MXN",
    total_in_words: "tres mil treinta y seis pesos 07/100 M.N.",
    iva_method: "por_concepto",
  },
  delivery: { place: "Almacén General, Av. Marina Nacional 60, Ciudad de México", unit_id: "unit_alm", date: null, days: null },
  penalties: { rate_per_day_percent: "1.00", cap_percent: "10.00" },
  payment_plan: "una_exhibicion",
  payment_days: 20,
  requisition_id: null,
  template: { code: "contrato_especifico", version: 1 },
  amendment: null,
}

/** The same contract as a first amendment (quantities and a date changed). */
export const SAMPLE_AMENDMENT_DATA: ContractData = {
  ...SAMPLE_CONTRACT_DATA,
  kind: "amendment",
  number: "CE-SSA-2026-00001-CM01",
  template: { code: "convenio_modificatorio", version: 1 },
  amendment: {
    parent_id: "spc_1",
    parent_number: "CE-SSA-2026-00001",
    sequence: 1,
    reason: "Ampliación de la demanda de la Delegación Jalisco",
    original_subtotal: "2617.30",
    previous_subtotal: "2617.30",
    change_percent: "6.13",
    changes: [{ line: 2, description: "Lápiz de grafito HB No. 2, caja con 12", field: "Cantidad", from: "25", to: "30" }],
  },
}
