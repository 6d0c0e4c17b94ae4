import type { CfdiFailure } from "../types"
import { attr, type Rule } from "./context"

/**
 * SAT's word on the CFDI (asked through @nodecfdi/sat-estado-cfdi): Vigente,
 * and its issuer not in the EFOS list of art. 69-B CFF. When SAT could not be
 * asked the result is a retryable failure, never a pass.
 */
export const satRule: Rule = ({ evidence, context }) => {
  const status = context.sat_status
  if (!status) {
    return []
  }
  const field = evidence.model.timbre ? `${evidence.model.timbre.path}/@UUID` : "/cfdi:Comprobante"
  if (status.kind === "unavailable") {
    return [
      {
        rule: "CFDI_SAT_NO_DISPONIBLE",
        field,
        message: `No se pudo consultar el estado del CFDI en el SAT (${status.reason}); se reintentará.`,
      },
    ]
  }
  const out: CfdiFailure[] = []
  if (!status.found || status.estado !== "Vigente") {
    out.push({
      rule: "CFDI_SAT_ESTADO",
      field,
      message:
        status.estado === "Cancelado"
          ? `El SAT reporta el CFDI ${attr(evidence.model.timbre, "UUID")} como cancelado${status.estatus_cancelacion ? ` (${status.estatus_cancelacion})` : ""}.`
          : `El SAT no encuentra el CFDI ${attr(evidence.model.timbre, "UUID")} con esos datos (${status.codigo_estatus || "No Encontrado"}).`,
    })
  }
  if (status.efos_listed) {
    out.push({
      rule: "CFDI_SAT_EFOS",
      field: "/cfdi:Comprobante/cfdi:Emisor/@Rfc",
      message: `El emisor ${attr(evidence.model.emisor, "Rfc")} está en la lista de contribuyentes que facturan operaciones simuladas (EFOS, art. 69-B del CFF).`,
    })
  }
  return out
}
