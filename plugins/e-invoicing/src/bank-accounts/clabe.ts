import { MedusaError } from "@medusajs/framework/utils"
import type { ClabeCheck } from "clabe-validator" with { "resolution-mode": "import" }

type ClabeValidator = { validate(clabeNum: string): ClabeCheck }

let validator: Promise<ClabeValidator> | null = null

/**
 * clabe-validator ships only as an ES module. This CommonJS plugin loads it
 * with a real dynamic import(), kept out of reach of the compilers that
 * would turn it into require() (which Jest's module loader refuses for ES
 * modules).
 */
function clabeValidator(): Promise<ClabeValidator> {
  if (!validator) {
    const load = new Function("specifier", "return import(specifier)") as (s: string) => Promise<{ clabe: ClabeValidator }>
    validator = load("clabe-validator").then((m) => m.clabe)
  }
  return validator
}

export const CLABE_ERRORS = {
  CLABE_FORMATO_INVALIDO: "CLABE_FORMATO_INVALIDO",
  CLABE_DIGITO_VERIFICADOR: "CLABE_DIGITO_VERIFICADOR",
  CLABE_BANCO_DESCONOCIDO: "CLABE_BANCO_DESCONOCIDO",
} as const

/** What a valid CLABE says about the account. */
export type ClabeInfo = {
  clabe: string
  /** ABM bank code (first 3 digits) and the bank's short name and legal name. */
  bank_code: string
  bank_tag: string
  bank_name: string
  /** Plaza (city) code and name. */
  plaza_code: string
  plaza: string | null
  account: string
}

/**
 * Checks an 18-digit CLABE with clabe-validator (length and digits, the
 * check digit of Banxico's weighted modulus-10 algorithm, a known bank code)
 * and derives the bank from it. Throws INVALID_DATA with a stable code.
 */
export async function analyzeClabe(input: string): Promise<ClabeInfo> {
  const value = (input ?? "").replace(/[\s-]/g, "")
  if (!/^\d{18}$/.test(value)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "La CLABE debe tener exactamente 18 dígitos.",
      CLABE_ERRORS.CLABE_FORMATO_INVALIDO,
    )
  }
  const check = (await clabeValidator()).validate(value)
  if (check.error === "invalid-checksum") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `La CLABE ${value} no es válida: su dígito verificador debería ser ${check.checksum}. Revisa que la hayas copiado completa y sin errores.`,
      CLABE_ERRORS.CLABE_DIGITO_VERIFICADOR,
    )
  }
  if (!check.ok || !check.valid.bank || !check.tag || check.tag === "N/A") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `La CLABE ${value} no corresponde a un banco participante en SPEI (clave de banco ${value.slice(0, 3)}).`,
      CLABE_ERRORS.CLABE_BANCO_DESCONOCIDO,
    )
  }
  return {
    clabe: value,
    bank_code: value.slice(0, 3),
    bank_tag: check.tag,
    bank_name: check.bank ?? check.tag,
    plaza_code: value.slice(3, 6),
    plaza: check.city ?? null,
    account: check.account,
  }
}

/** The canonical payload a supplier signs with e.firma to register or change its CLABE. */
export function bankAccountSignedPayload(input: {
  supplier_rfc: string
  clabe: string
  holder_name: string
  previous_clabe: string | null
}) {
  return {
    documento: "cuenta_bancaria_proveedor",
    proveedor_rfc: input.supplier_rfc.toUpperCase(),
    clabe: input.clabe,
    titular: input.holder_name,
    clabe_anterior: input.previous_clabe,
  }
}

/** "0021 8000 1234 5678 97"-style mask for display: only the last 4 digits. */
export const maskClabe = (value: string) => `${"•".repeat(14)}${value.slice(-4)}`
