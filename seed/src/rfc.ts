import { Rfc } from "@nodecfdi/rfc"

/**
 * Builds a synthetic but valid RFC from its parts (letters, YYMMDD date,
 * two-character homoclave) by computing SAT's check digit, so demo data
 * passes the same validation as real data without using anyone's real RFC.
 */
export function makeRfc(letters: string, yymmdd: string, homoclave: string): string {
  const base = `${letters}${yymmdd}${homoclave}`
  const digit = Rfc.unparsed(`${base}0`).calculateChecksum()
  return `${base}${digit}`
}
