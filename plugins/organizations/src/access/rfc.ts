import { Rfc } from "@nodecfdi/rfc"

export type RfcKind = "moral" | "fisica"

export type RfcCheck = { valid: true; rfc: string; kind: RfcKind } | { valid: false; code: string; message: string }

/**
 * Validates an RFC with @nodecfdi/rfc: structure and embedded date, and
 * rejects the generic (XAXX010101000) and foreign (XEXX010101000) RFCs, which
 * are not taxpayers' own. The check digit is not enforced, as in SAT's own
 * validators: real RFCs exist whose digit does not match.
 */
export function checkRfc(input: string, expected?: RfcKind): RfcCheck {
  const value = (input ?? "").trim().toUpperCase()
  const parsed = Rfc.parseOrNull(value)
  if (!parsed) {
    return {
      valid: false,
      code: "RFC_INVALIDO",
      message: `El RFC «${input}» no tiene una estructura válida (12 caracteres para personas morales, 13 para personas físicas, con fecha válida).`,
    }
  }
  if (parsed.isGeneric() || parsed.isForeign()) {
    return {
      valid: false,
      code: "RFC_GENERICO",
      message: `El RFC genérico «${value}» no identifica a un contribuyente; captura el RFC propio.`,
    }
  }
  const kind: RfcKind = parsed.isMoral() ? "moral" : "fisica"
  if (expected && kind !== expected) {
    return {
      valid: false,
      code: "RFC_TIPO_INCORRECTO",
      message:
        expected === "moral"
          ? `El RFC «${value}» es de persona física; una organización requiere RFC de persona moral (12 caracteres).`
          : `El RFC «${value}» es de persona moral; una persona requiere RFC de persona física (13 caracteres).`,
    }
  }
  return { valid: true, rfc: parsed.getRfc(), kind }
}
