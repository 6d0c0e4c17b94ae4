import { SAT_CATALOGS } from "../catalogs"
import type { CfdiFailure } from "../types"
import { attr, type Rule } from "./context"

const C = "/cfdi:Comprobante"

/**
 * Payment: the UUID was never accepted before (by any agency: an invoice is
 * paid once); MetodoPago follows the contract's payment plan (PUE for one
 * payment, PPD for installments or deferred payment); with PPD, FormaPago is
 * 99 "Por definir".
 */
export const paymentRule: Rule = ({ evidence, context }) => {
  const { comprobante, timbre } = evidence.model
  const out: CfdiFailure[] = []
  const uuid = attr(timbre, "UUID").toUpperCase()
  const accepted = context.accepted_uuids
  const seen = uuid && (Array.isArray(accepted) ? accepted : [...(accepted as ReadonlySet<string>)]).some((u) => u.toUpperCase() === uuid)
  if (seen) {
    out.push({
      rule: "CFDI_UUID_DUPLICADO",
      field: `${timbre!.path}/@UUID`,
      message: `El CFDI ${uuid} ya fue presentado y aceptado antes (en esta u otra dependencia); una factura solo se paga una vez.`,
    })
  }
  if ((context.expected_type ?? "I") !== "I") {
    return out
  }
  const metodo = attr(comprobante, "MetodoPago")
  const expected = context.payment_plan === "una_exhibicion" ? "PUE" : "PPD"
  if (SAT_CATALOGS.c_MetodoPago.has(metodo) && metodo !== expected) {
    out.push({
      rule: "CFDI_METODO_PAGO_PLAN",
      field: `${C}/@MetodoPago`,
      message:
        expected === "PUE"
          ? `El contrato se paga en una sola exhibición: el método de pago debe ser PUE, no ${metodo}.`
          : `El contrato se paga en parcialidades o en forma diferida: el método de pago debe ser PPD, no ${metodo}.`,
    })
  }
  const forma = attr(comprobante, "FormaPago")
  if (metodo === "PPD" && forma !== "99") {
    out.push({
      rule: "CFDI_FORMA_PAGO_PPD",
      field: `${C}/@FormaPago`,
      message: `Con método de pago PPD la forma de pago debe ser 99 (Por definir); el CFDI trae ${forma || "ninguna"}.`,
    })
  }
  return out
}
