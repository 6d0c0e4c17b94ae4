import { dec, fmt, type Decimal } from "../money"
import type { CfdiFailure, ExpectedCfdiLine } from "../types"
import { attr, type Rule } from "./context"

/**
 * Each concept is a contracted line (matched by NoIdentificacion, the
 * offer's SKU): same ClaveProdServ as the catalog item, the contract's unit
 * price, and — over all concepts of the line — no more than was received
 * and not yet invoiced. Skipped when the context lists no lines.
 */
export const conceptsRule: Rule = ({ evidence, context }) => {
  if (!context.expected_lines.length) {
    return []
  }
  const byId = new Map<string, ExpectedCfdiLine>(context.expected_lines.map((l) => [l.no_identificacion, l]))
  const out: CfdiFailure[] = []
  const invoiced = new Map<string, { total: Decimal; field: string }>()
  for (const c of evidence.model.conceptos) {
    const f = (a: string) => `${c.path}/@${a}`
    const sku = attr(c, "NoIdentificacion")
    const line = byId.get(sku)
    if (!line) {
      out.push({
        rule: "CFDI_CONCEPTO_NO_RECONOCIDO",
        field: f("NoIdentificacion"),
        message: sku
          ? `El concepto «${attr(c, "Descripcion")}» (NoIdentificacion ${sku}) no corresponde a ninguna partida del contrato pendiente de facturar.`
          : `El concepto «${attr(c, "Descripcion")}» no trae NoIdentificacion (la clave de la oferta), por lo que no se puede asociar a una partida del contrato.`,
      })
      continue
    }
    const clave = attr(c, "ClaveProdServ")
    if (clave !== line.clave_prod_serv) {
      out.push({
        rule: "CFDI_CONCEPTO_CLAVE_PROD_SERV",
        field: f("ClaveProdServ"),
        message: `La clave de producto o servicio ${clave || "(vacía)"} no es la del artículo del contrato ${sku} (${line.clave_prod_serv}).`,
      })
    }
    const unit = dec(attr(c, "ValorUnitario"))
    const price = dec(line.unit_price)
    if (unit && price && !unit.eq(price)) {
      out.push({
        rule: "CFDI_CONCEPTO_VALOR_UNITARIO",
        field: f("ValorUnitario"),
        message: `El valor unitario ${fmt(unit, 2)} del artículo ${sku} no es el precio del contrato (${fmt(price, 2)}).`,
      })
    }
    const qty = dec(attr(c, "Cantidad"))
    if (qty) {
      const prev = invoiced.get(sku)
      invoiced.set(sku, { total: prev ? prev.total.plus(qty) : qty, field: f("Cantidad") })
    }
  }
  for (const [sku, { total, field }] of invoiced) {
    const receivable = dec(byId.get(sku)!.receivable_quantity)
    if (receivable && total.gt(receivable)) {
      out.push({
        rule: "CFDI_CONCEPTO_CANTIDAD",
        field,
        message: `Se facturan ${total.toString()} unidades del artículo ${sku}, pero solo ${receivable.toString()} se recibieron y están pendientes de facturar.`,
      })
    }
  }
  return out
}
