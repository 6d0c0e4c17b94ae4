import { container as appContainer } from "@medusajs/framework"
import type {
  ITaxProvider,
  ItemTaxCalculationLine,
  ItemTaxLineDTO,
  ShippingTaxCalculationLine,
  ShippingTaxLineDTO,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { currencyDecimals, satEffectiveRate } from "./sat-rounding"

/** IVA of each treatment of a framework item (LIVA arts. 1, 2-A and 9/15): rate in percent, SAT tax code. */
export const IVA_TREATMENTS: Record<string, { rate: number; code: string; name: string }> = {
  tasa_16: { rate: 16, code: "002-Tasa-0.160000", name: "IVA 16 %" },
  tasa_0: { rate: 0, code: "002-Tasa-0.000000", name: "IVA tasa 0 %" },
  exento: { rate: 0, code: "002-Exento", name: "IVA exento" },
}

/**
 * Tax provider of the México region (`tp_iva_iva`): each line's IVA comes
 * from the IVA treatment of the framework item its product sells (the
 * product's `metadata.framework_item_id`, read at calculation time: 16 %,
 * 0 % or exempt), not from a region-wide rate; products outside the
 * catalog get the region's rates. Shipping is not taxed (delivery is the
 * supplier's, in the contract price). Medusa multiplies each line's
 * subtotal by the tax line's rate and never rounds, so the rate given is the
 * one that makes that product the concept's IVA with SAT's per-concept
 * rounding (`satEffectiveRate`): the order's IVA per line, and so its
 * totals, equal the contract's and the CFDI's to the centavo. The legal rate
 * stays in the line's code and name.
 */
export class IvaTaxProviderService implements ITaxProvider {
  static identifier = "iva"

  getIdentifier(): string {
    return IvaTaxProviderService.identifier
  }

  async getTaxLines(
    itemLines: ItemTaxCalculationLine[],
    _shippingLines: ShippingTaxCalculationLine[],
    _context: unknown,
  ): Promise<(ItemTaxLineDTO | ShippingTaxLineDTO)[]> {
    const productIds = [...new Set(itemLines.map((l) => l.line_item.product_id).filter((id): id is string => !!id))]
    const query = appContainer.resolve(ContainerRegistrationKeys.QUERY)
    // each store product sells one offer of one framework item (metadata.framework_item_id)
    const { data: products } = productIds.length
      ? await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: productIds } })
      : { data: [] as { id: string; metadata: Record<string, unknown> | null }[] }
    const itemOf = new Map(
      products.map((p) => [p.id as string, (p.metadata as { framework_item_id?: string } | null)?.framework_item_id ?? null]),
    )
    const itemIds = [...new Set([...itemOf.values()].filter((id): id is string => !!id))]
    const { data: items } = itemIds.length
      ? await query.graph({ entity: "framework_item", fields: ["id", "iva_treatment"], filters: { id: itemIds } })
      : { data: [] as { id: string; iva_treatment: string }[] }
    // an order's tax recalculation hands its lines over without their quantity (it lives on the
    // order's item rows, per order version): read the latest version's quantity of those lines
    const unknown = itemLines.filter((l) => l.line_item.quantity == null).map((l) => l.line_item.id)
    const quantityOf = new Map<string, unknown>()
    if (unknown.length) {
      const orders = appContainer.resolve(Modules.ORDER) as unknown as {
        listOrderItems: (f: object, c: object) => Promise<{ item_id: string; quantity: unknown; version: number }[]>
      }
      const rows = await orders.listOrderItems({ item_id: unknown }, { select: ["item_id", "quantity", "version"], take: null })
      for (const row of [...rows].sort((a, b) => a.version - b.version)) {
        quantityOf.set(row.item_id, row.quantity)
      }
    }
    return itemLines.flatMap((l): ItemTaxLineDTO[] => {
      const itemId = l.line_item.product_id ? itemOf.get(l.line_item.product_id) : null
      const item = items.find((i) => i.id === itemId)
      const treatment = item ? IVA_TREATMENTS[item.iva_treatment as string] : null
      if (treatment) {
        const { unit_price, currency_code } = l.line_item
        const quantity = l.line_item.quantity ?? quantityOf.get(l.line_item.id)
        const rate =
          unit_price != null && quantity != null
            ? satEffectiveRate(unit_price as never, quantity as never, treatment.rate, currencyDecimals(currency_code))
            : String(treatment.rate)
        // a decimal string (20 significant digits): Medusa keeps tax rates as big numbers
        return [
          {
            rate: rate as unknown as number,
            code: treatment.code,
            name: treatment.name,
            line_item_id: l.line_item.id,
            provider_id: this.getIdentifier(),
          },
        ]
      }
      return l.rates.map((r) => ({
        rate_id: r.id,
        rate: r.rate || 0,
        code: r.code,
        name: r.name,
        line_item_id: l.line_item.id,
        provider_id: this.getIdentifier(),
      }))
    })
  }
}

export default IvaTaxProviderService
