/** es-MX money from a decimal string (display only: the API keeps the exact value). */
export const money = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === "" ? "—" : new Intl.NumberFormat("es-MX", { style: "currency", currency: "MXN" }).format(Number(v))

/** A signed difference in es-MX money with its percentage of the previous price ("+$1.50 (+3.1 %)"). */
export function signedDifference(difference: string | null, previous: string | null): string {
  if (difference === null || previous === null) {
    return "—"
  }
  const d = Number(difference)
  const sign = d > 0 ? "+" : d < 0 ? "−" : ""
  const pct =
    Number(previous) === 0
      ? ""
      : ` (${sign}${new Intl.NumberFormat("es-MX", { maximumFractionDigits: 1 }).format(Math.abs((d / Number(previous)) * 100))} %)`
  return `${sign}${money(Math.abs(d))}${pct}`
}
