import { MedusaError } from "@medusajs/framework/utils"
import type { RfcKind } from "./rfc"
import { ESTADOS_MX, REGIMENES_FISCALES } from "./sat-catalogs.generated"

/** Throws 400 unless `code` is a c_RegimenFiscal in force for this RFC kind. */
export function assertRegimenFiscal(code: string, kind: RfcKind): void {
  const regimen = REGIMENES_FISCALES.find((r) => r.id === code)
  if (!regimen) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `El régimen fiscal «${code}» no existe en el catálogo c_RegimenFiscal del SAT.`,
      "REGIMEN_FISCAL_INVALIDO",
    )
  }
  if ((kind === "moral" && !regimen.moral) || (kind === "fisica" && !regimen.fisica)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `El régimen fiscal ${code} (${regimen.texto}) no aplica a personas ${kind === "moral" ? "morales" : "físicas"}.`,
      "REGIMEN_FISCAL_NO_APLICA",
    )
  }
}

/** Throws 400 unless `cp` has the shape of a Mexican código postal. */
export function assertCodigoPostal(cp: string): void {
  if (!/^\d{5}$/.test(cp ?? "")) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `El código postal «${cp}» debe tener 5 dígitos.`, "CODIGO_POSTAL_INVALIDO")
  }
}

/** Throws 400 unless `code` is a c_Estado of Mexico (e.g. CMX, JAL). */
export function assertStateCode(code: string): void {
  if (!ESTADOS_MX.some((e) => e.id === code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `La entidad federativa «${code}» no existe en el catálogo c_Estado del SAT (usa claves como CMX, JAL, NLE).`,
      "ENTIDAD_FEDERATIVA_INVALIDA",
    )
  }
}
