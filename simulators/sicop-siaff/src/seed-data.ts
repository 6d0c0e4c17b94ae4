/**
 * Budget keys the simulator starts with: the demo agencies that exercise
 * their budget through SICOP/SIAFF (IMSS uses own resources and is absent).
 * The Medusa seed (seed/src/steps/budget.ts) registers the same claves; keep
 * both lists in step (clave = year-ramo-UR-Pp-partida-fuente-entidad).
 */
export const FISCAL_YEAR = 2026

export const PARTIDAS: { partida: string; description: string; amount: string }[] = [
  { partida: "21101", description: "Materiales y útiles de oficina", amount: "850000.00" },
  {
    partida: "21401",
    description: "Materiales y útiles consumibles para el procesamiento en equipos y bienes informáticos",
    amount: "1200000.00",
  },
  { partida: "21601", description: "Material de limpieza", amount: "420000.00" },
  {
    partida: "22104",
    description: "Productos alimenticios para el personal en las instalaciones de las dependencias y entidades",
    amount: "310000.00",
  },
]

export const SIM_AGENCIES: { agency: string; ramo: string; ur: string }[] = [
  { agency: "SALUD", ramo: "12", ur: "510" },
  { agency: "SEP", ramo: "11", ur: "710" },
  { agency: "AGRICULTURA", ramo: "08", ur: "110" },
  { agency: "CONAGUA", ramo: "16", ur: "B00" },
]

export function seedClaves() {
  return SIM_AGENCIES.flatMap((a) =>
    PARTIDAS.map((p) => ({
      clave: [FISCAL_YEAR, a.ramo, a.ur, "M001", p.partida, "1", "09"].join("-"),
      agency: a.agency,
      partida: p.partida,
      modificado: p.amount,
    })),
  )
}
