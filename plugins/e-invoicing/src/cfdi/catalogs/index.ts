import {
  C_CLAVE_UNIDAD,
  C_FORMA_PAGO,
  C_METODO_PAGO,
  C_MONEDA,
  C_OBJETO_IMP,
  C_REGIMEN_FISCAL,
  C_USO_CFDI,
  type CatalogEntry,
} from "./sat-catalogs.generated"

export * from "./sat-catalogs.generated"

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((e) => [e.id, e]))

const UNIDADES = new Map(C_CLAVE_UNIDAD.map(([id, texto, desde, hasta]) => [id, { id, texto, desde, hasta }]))

/** The SAT catalogs the engine checks, by key. */
export const SAT_CATALOGS = {
  c_RegimenFiscal: byId(C_REGIMEN_FISCAL),
  c_UsoCFDI: byId(C_USO_CFDI),
  c_FormaPago: byId(C_FORMA_PAGO),
  c_MetodoPago: byId(C_METODO_PAGO),
  c_ClaveUnidad: UNIDADES,
  c_ObjetoImp: byId(C_OBJETO_IMP),
  c_Moneda: byId(C_MONEDA),
} as const

export type SatCatalogName = keyof typeof SAT_CATALOGS

/**
 * "ok" when `id` is in the catalog and in force on `date` (YYYY-MM-DD),
 * "unknown" when it is not in the catalog, "expired" / "not_yet" otherwise.
 */
export function catalogLookup(
  catalog: SatCatalogName,
  id: string,
  date: string | null,
): { status: "ok" | "unknown" | "expired" | "not_yet"; entry: CatalogEntry | null } {
  const entry = (SAT_CATALOGS[catalog] as Map<string, CatalogEntry>).get(id) ?? null
  if (!entry) {
    return { status: "unknown", entry: null }
  }
  if (date && entry.desde && date < entry.desde) {
    return { status: "not_yet", entry }
  }
  if (date && entry.hasta && date > entry.hasta) {
    return { status: "expired", entry }
  }
  return { status: "ok", entry }
}

/** Decimals of a currency (c_Moneda); 2 when unknown. */
export function currencyDecimals(moneda: string | null | undefined): number {
  return SAT_CATALOGS.c_Moneda.get(moneda ?? "")?.decimales ?? 2
}
