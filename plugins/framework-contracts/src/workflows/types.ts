export type ItemInput = {
  code: string
  name: string
  description: string
  unspsc_code: string
  cog_partida?: string | null
  sat_clave_unidad: string
  ceiling_price: string | number
  iva_treatment?: "tasa_16" | "tasa_0" | "exento"
  delivery_states: string[]
}

export type LotInput = {
  number: number
  title: string
  competition_threshold: string | number
  min_invitees?: number
  bid_window_business_days?: number
  items: ItemInput[]
}

export type CreateFrameworkContractInput = {
  number: string
  title: string
  description?: string | null
  legal_basis: string
  valid_from: string
  valid_until: string
  min_amount: string | number
  max_amount: string | number
  lots: LotInput[]
  recorded_by?: string | null
}

export type ContractStatus = "draft" | "published" | "suspended" | "expired"
