import "server-only"
import { sdk } from "@lib/config"
import { priceWithIva } from "@lib/format"

export type CatalogItem = {
  id: string
  title: string
  /** The supplier that offers it (one product per offer). */
  subtitle: string | null
  handle: string
  thumbnail: string | null
  /** The framework item the offer sells (its item page compares every offer). */
  item_id: string | null
  /** The offer's unit price with IVA (decimal string), null when the store has no price for it. */
  price_with_iva: string | null
}

export type CatalogPage = { ok: true; items: CatalogItem[]; count: number } | { ok: false; status: number | null; message: string }

type Product = {
  id: string
  title: string
  subtitle: string | null
  handle: string
  thumbnail: string | null
  metadata?: Record<string, unknown> | null
  variants?: { calculated_price?: { calculated_amount?: number | string | null } | null }[] | null
}

/** The store's region in pesos (prices are asked in its context). */
async function mexicoRegion(): Promise<string | null> {
  const { regions } = await sdk.store.region.list({ fields: "id,currency_code" }, { next: { revalidate: 300 } } as never)
  const r = (regions as { id: string; currency_code: string }[]).find((x) => x.currency_code === "mxn") ?? regions[0]
  return r?.id ?? null
}

/**
 * First page of the published catalog, asking only for the fields shown:
 * each offer with its framework item (the card's link) and its price before
 * IVA in the region, shown with IVA at the item's rate (SAT rounding).
 */
export async function listCatalog(limit = 24): Promise<CatalogPage> {
  try {
    const region = await mexicoRegion()
    const { products, count } = await sdk.store.product.list(
      {
        limit,
        fields: "id,title,subtitle,handle,thumbnail,metadata,*variants.calculated_price",
        ...(region ? { region_id: region } : {}),
      },
      { next: { revalidate: 30 } } as never,
    )
    const items = (products as unknown as Product[]).map((p): CatalogItem => {
      const before = p.variants?.[0]?.calculated_price?.calculated_amount
      const treatment = String(p.metadata?.iva_treatment ?? "tasa_16")
      const itemId = p.metadata?.framework_item_id
      return {
        id: p.id,
        title: p.title,
        subtitle: p.subtitle,
        handle: p.handle,
        thumbnail: p.thumbnail,
        item_id: typeof itemId === "string" ? itemId : null,
        price_with_iva:
          before === null || before === undefined ? null : priceWithIva(typeof before === "number" ? before.toFixed(6) : before, treatment),
      }
    })
    return { ok: true, items, count }
  } catch (e) {
    const status = (e as { status?: number }).status ?? null
    return { ok: false, status, message: (e as Error).message }
  }
}
