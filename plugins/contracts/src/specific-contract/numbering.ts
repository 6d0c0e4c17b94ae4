/**
 * Contract numbers: `CE-<agency code>-<year>-<5-digit sequence>`, e.g.
 * CE-SSA-2026-00001. The agency code is the alphabetic head of the agency's
 * RFC (3 letters for a persona moral), so it is stable and always present;
 * the year is the calendar year of issue in America/Mexico_City. Amendments
 * (convenios modificatorios) take the parent's number and `-CM<2 digits>`.
 * Sequences are allocated in the database (see the module service).
 */
export function agencyCode(rfc: string): string {
  const letters = /^[A-ZÑ&]{3,4}/.exec(rfc.toUpperCase())?.[0] ?? rfc.slice(0, 3).toUpperCase()
  return letters.replace(/Ñ/g, "N").replace(/&/g, "Y")
}

export function contractNumberScope(rfc: string, year: number): string {
  return `CE-${agencyCode(rfc)}-${year}`
}

export function formatContractNumber(scope: string, sequence: number): string {
  return `${scope}-${String(sequence).padStart(5, "0")}`
}

export function amendmentNumberScope(parentNumber: string): string {
  return `${parentNumber}-CM`
}

export function formatAmendmentNumber(scope: string, sequence: number): string {
  return `${scope}${String(sequence).padStart(2, "0")}`
}
