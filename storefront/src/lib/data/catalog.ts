import "server-only"
import { sdk } from "@lib/config"

export type CatalogItem = {
  id: string
  title: string
  /** The supplier that offers it (one product per offer). */
  subtitle: string | null
  handle: string
  thumbnail: string | null
}

export type CatalogPage =
  | { ok: true; items: CatalogItem[]; count: number }
  | { ok: false; status: number | null; message: string }

/** First page of the published catalog, asking only for the fields shown. */
export async function listCatalog(limit = 24): Promise<CatalogPage> {
  try {
    const { products, count } = await sdk.store.product.list(
      { limit, fields: "id,title,subtitle,handle,thumbnail" },
      { next: { revalidate: 30 } } as never
    )
    return { ok: true, items: products as CatalogItem[], count }
  } catch (e) {
    const status = (e as { status?: number }).status ?? null
    return { ok: false, status, message: (e as Error).message }
  }
}
