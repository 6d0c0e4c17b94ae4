import { SAT_CATALOGS } from "../catalogs"
import type { CfdiFailure } from "../types"
import { attr, type Rule } from "./context"

const E = "/cfdi:Comprobante/cfdi:Emisor"
const R = "/cfdi:Comprobante/cfdi:Receptor"

/**
 * SAT compares the receptor's name as registered: uppercase, no accents
 * required, spaces collapsed, and without the "S.A. de C.V." style regime
 * (CFDI 4.0 asks the name without it). We compare on that normal form.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/\s+/g, " ")
    .trim()
}

/**
 * The parties: the issuer is the contracted supplier; the receptor is the
 * agency with its SAT-registered RFC, name, fiscal postal code and regime;
 * the UsoCFDI is allowed for that regime (c_UsoCFDI).
 */
export const partiesRule: Rule = ({ evidence, context }) => {
  const { emisor, receptor } = evidence.model
  const out: CfdiFailure[] = []
  const emisorRfc = attr(emisor, "Rfc").toUpperCase()
  if (emisorRfc !== context.supplier.rfc.toUpperCase()) {
    out.push({
      rule: "CFDI_EMISOR_RFC",
      field: `${E}/@Rfc`,
      message: `El emisor del CFDI (${emisorRfc || "sin RFC"}) no es el proveedor del contrato (${context.supplier.rfc.toUpperCase()}).`,
    })
  }
  const agency = context.agency
  const rfc = attr(receptor, "Rfc").toUpperCase()
  if (rfc !== agency.rfc.toUpperCase()) {
    out.push({
      rule: "CFDI_RECEPTOR_RFC",
      field: `${R}/@Rfc`,
      message: `El RFC del receptor (${rfc || "vacío"}) no es el de la dependencia compradora (${agency.rfc.toUpperCase()}).`,
    })
  }
  const nombre = attr(receptor, "Nombre")
  if (normalizeName(nombre) !== normalizeName(agency.nombre)) {
    out.push({
      rule: "CFDI_RECEPTOR_NOMBRE",
      field: `${R}/@Nombre`,
      message: `El nombre del receptor («${nombre}») no coincide con el registrado ante el SAT para ${agency.rfc.toUpperCase()} («${agency.nombre}»).`,
    })
  }
  const cp = attr(receptor, "DomicilioFiscalReceptor")
  if (cp !== agency.domicilio_fiscal) {
    out.push({
      rule: "CFDI_RECEPTOR_DOMICILIO_FISCAL",
      field: `${R}/@DomicilioFiscalReceptor`,
      message: `El código postal del domicilio fiscal del receptor (${cp || "vacío"}) no es el de la dependencia (${agency.domicilio_fiscal}).`,
    })
  }
  const regimen = attr(receptor, "RegimenFiscalReceptor")
  if (regimen !== agency.regimen_fiscal) {
    out.push({
      rule: "CFDI_RECEPTOR_REGIMEN_FISCAL",
      field: `${R}/@RegimenFiscalReceptor`,
      message: `El régimen fiscal del receptor (${regimen || "vacío"}) no es el de la dependencia (${agency.regimen_fiscal}).`,
    })
  }
  const uso = SAT_CATALOGS.c_UsoCFDI.get(attr(receptor, "UsoCFDI"))
  if (uso && regimen && !uso.regimenes_receptor.includes(regimen)) {
    out.push({
      rule: "CFDI_USO_CFDI_REGIMEN",
      field: `${R}/@UsoCFDI`,
      message: `El uso del CFDI ${uso.id} (${uso.texto.replace(/\.$/, "")}) no aplica al régimen fiscal ${regimen} del receptor; el catálogo c_UsoCFDI lo permite solo para los regímenes ${uso.regimenes_receptor.join(", ")}.`,
    })
  }
  return out
}
