import { currencyDecimals, SAT_CATALOGS } from "../catalogs"
import type { TaxRow } from "../document"
import { D, dec, fmt, round, sum, taxLimits, type Decimal } from "../money"
import type { CfdiFailure } from "../types"
import { attr, type Rule } from "./context"

const C = "/cfdi:Comprobante"
const IVA = "002"
const zero = () => new D(0)
const amount = (row: { attrs: Record<string, string> } | null, a: string) => dec(attr(row, a)) ?? zero()

/**
 * The arithmetic of the CFDI, in the currency's decimals (c_Moneda): each
 * concept's Importe is Cantidad × ValorUnitario; SubTotal is their sum; IVA
 * (002, Tasa) on each taxable concept at the item's rate within SAT's
 * rounding limits, and the comprobante's tax summary adds up; Total =
 * SubTotal − Descuento + traslados − retenciones; and Total is what is owed.
 */
export const amountsRule: Rule = ({ evidence, context }) => {
  const { comprobante, conceptos, impuestos } = evidence.model
  const out: CfdiFailure[] = []
  const moneda = attr(comprobante, "Moneda")
  const d = currencyDecimals(moneda)
  const ratesBySku = new Map(context.expected_lines.map((l) => [l.no_identificacion, l.iva_rate ?? "0.160000"]))

  const importes: Decimal[] = []
  const descuentos: Decimal[] = []
  const trasladosConceptos: TaxRow[] = []
  for (const c of conceptos) {
    const qty = dec(attr(c, "Cantidad"))
    const unit = dec(attr(c, "ValorUnitario"))
    const importe = dec(attr(c, "Importe"))
    if (qty && unit && importe && !round(qty.times(unit), d).eq(importe)) {
      out.push({
        rule: "CFDI_CONCEPTO_IMPORTE",
        field: `${c.path}/@Importe`,
        message: `El importe ${fmt(importe, d)} no es la cantidad por el valor unitario (${qty.toString()} × ${fmt(unit, 2)} = ${fmt(round(qty.times(unit), d), d)}).`,
      })
    }
    importes.push(importe ?? zero())
    const descuento = amount(c, "Descuento")
    descuentos.push(descuento)
    trasladosConceptos.push(...c.traslados)

    if (attr(c, "ObjetoImp") !== "02") {
      // An ObjetoImp outside c_ObjetoImp is the catalog rule's to report.
      if (ratesBySku.size && SAT_CATALOGS.c_ObjetoImp.has(attr(c, "ObjetoImp"))) {
        out.push({
          rule: "CFDI_IVA",
          field: `${c.path}/@ObjetoImp`,
          message: `El concepto «${attr(c, "Descripcion")}» debe ser objeto de impuesto (02) con IVA trasladado; trae ObjetoImp ${attr(c, "ObjetoImp")}.`,
        })
      }
      continue
    }
    const iva = c.traslados.filter((t) => attr(t, "Impuesto") === IVA)
    const rate = ratesBySku.get(attr(c, "NoIdentificacion")) ?? "0.160000"
    if (iva.length !== 1 || attr(iva[0], "TipoFactor") !== "Tasa" || !dec(attr(iva[0], "TasaOCuota"))?.eq(rate)) {
      out.push({
        rule: "CFDI_IVA",
        field: iva[0] ? `${iva[0].path}/@TasaOCuota` : `${c.path}/cfdi:Impuestos`,
        message: `El concepto «${attr(c, "Descripcion")}» debe trasladar IVA (002) una vez, con TipoFactor Tasa y TasaOCuota ${rate}.`,
      })
      continue
    }
    const t = iva[0]
    const base = amount(t, "Base")
    const expectedBase = (importe ?? zero()).minus(descuento)
    if (!base.eq(expectedBase)) {
      out.push({
        rule: "CFDI_IVA",
        field: `${t.path}/@Base`,
        message: `La base del IVA (${fmt(base, d)}) debe ser el importe menos el descuento del concepto (${fmt(expectedBase, d)}).`,
      })
      continue
    }
    const { lower, upper } = taxLimits(base, new D(rate), d)
    const ivaImporte = amount(t, "Importe")
    if (ivaImporte.lt(lower) || ivaImporte.gt(upper)) {
      out.push({
        rule: "CFDI_IVA",
        field: `${t.path}/@Importe`,
        message: `El IVA del concepto (${fmt(ivaImporte, d)}) no corresponde a ${fmt(base, d)} × ${rate} = ${fmt(round(base.times(rate), d), d)} (el SAT admite de ${fmt(lower, d)} a ${fmt(upper, d)}).`,
      })
    }
  }

  const subtotal = dec(attr(comprobante, "SubTotal"))
  const expectedSubtotal = sum(importes)
  if (subtotal && !subtotal.eq(round(expectedSubtotal, d))) {
    out.push({
      rule: "CFDI_SUBTOTAL",
      field: `${C}/@SubTotal`,
      message: `El subtotal ${fmt(subtotal, d)} no es la suma de los importes de los conceptos (${fmt(expectedSubtotal, d)}).`,
    })
  }

  // The comprobante's tax summary: one traslado per (impuesto, factor, tasa),
  // adding up the concepts'; TotalImpuestosTrasladados adds those up.
  const groups = new Map<string, { base: Decimal; importe: Decimal }>()
  for (const t of trasladosConceptos) {
    const key = `${attr(t, "Impuesto")}|${attr(t, "TipoFactor")}|${dec(attr(t, "TasaOCuota"))?.toFixed(6) ?? ""}`
    const g = groups.get(key) ?? { base: zero(), importe: zero() }
    groups.set(key, { base: g.base.plus(amount(t, "Base")), importe: g.importe.plus(amount(t, "Importe")) })
  }
  const resumen = impuestos?.traslados ?? []
  for (const [key, g] of groups) {
    const [impuesto, factor, tasa] = key.split("|")
    const row = resumen.find(
      (t) =>
        attr(t, "Impuesto") === impuesto && attr(t, "TipoFactor") === factor && (dec(attr(t, "TasaOCuota"))?.toFixed(6) ?? "") === tasa,
    )
    if (!row || !round(amount(row, "Importe"), d).eq(round(g.importe, d)) || !round(amount(row, "Base"), d).eq(round(g.base, d))) {
      out.push({
        rule: "CFDI_IVA",
        field: row ? `${row.path}/@Importe` : `${C}/cfdi:Impuestos/cfdi:Traslados`,
        message: `El resumen de impuestos del comprobante debe trasladar ${impuesto} ${factor} ${tasa} con base ${fmt(g.base, d)} e importe ${fmt(g.importe, d)}, la suma de los conceptos.`,
      })
    }
  }
  const totalTrasladados = sum(resumen.map((t) => amount(t, "Importe")))
  const declaredTrasladados = dec(attr(impuestos, "TotalImpuestosTrasladados"))
  if (resumen.length && (!declaredTrasladados || !declaredTrasladados.eq(round(totalTrasladados, d)))) {
    out.push({
      rule: "CFDI_IVA",
      field: `${C}/cfdi:Impuestos/@TotalImpuestosTrasladados`,
      message: `TotalImpuestosTrasladados (${declaredTrasladados ? fmt(declaredTrasladados, d) : "vacío"}) debe ser la suma de los traslados (${fmt(totalTrasladados, d)}).`,
    })
  }

  const total = dec(attr(comprobante, "Total"))
  const descuento = amount(comprobante, "Descuento")
  const retenidos = amount(impuestos, "TotalImpuestosRetenidos")
  // From the concepts, not the declared SubTotal: a wrong SubTotal is reported once, by its own rule.
  const expectedTotal = expectedSubtotal
    .minus(descuento)
    .plus(declaredTrasladados ?? totalTrasladados)
    .minus(retenidos)
  if (total && !total.eq(round(expectedTotal, d))) {
    out.push({
      rule: "CFDI_TOTAL",
      field: `${C}/@Total`,
      message: `El total ${fmt(total, d)} no es subtotal − descuento + impuestos trasladados − retenidos (${fmt(expectedTotal, d)}).`,
    })
  }
  if (descuentos.some((x) => !x.isZero()) && !descuento.eq(round(sum(descuentos), d))) {
    out.push({
      rule: "CFDI_TOTAL",
      field: `${C}/@Descuento`,
      message: `El descuento del comprobante (${fmt(descuento, d)}) debe ser la suma de los descuentos de los conceptos (${fmt(sum(descuentos), d)}).`,
    })
  }

  const owed = context.amount_owed
  if (owed && total) {
    const owedTotal = dec(owed.total)
    // A Moneda outside c_Moneda is the catalog rule's to report.
    const currencyDiffers = SAT_CATALOGS.c_Moneda.has(moneda) && moneda !== owed.currency
    if (currencyDiffers || !owedTotal || !total.eq(owedTotal)) {
      out.push({
        rule: "CFDI_TOTAL_ADEUDADO",
        field: `${C}/@Total`,
        message: `El total del CFDI (${fmt(total, d)} ${moneda}) no es lo que se adeuda por los bienes recibidos (${owedTotal ? fmt(owedTotal, 2) : owed.total} ${owed.currency}).`,
      })
    }
  }
  return out
}
