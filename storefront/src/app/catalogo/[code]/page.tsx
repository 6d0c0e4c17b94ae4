import type { Metadata } from "next"
import { CategoryView } from "../category-view"

export const metadata: Metadata = { title: "Catálogo por categoría — Tienda Digital" }
export const dynamic = "force-dynamic"

/** One UNSPSC node: what lies under it and its items. */
export default function CatalogCategory({ params, searchParams }: { params: { code: string }; searchParams: { pagina?: string } }) {
  const code = /^\d{2,8}$/.test(params.code) ? params.code : "00"
  const page = /^\d{1,4}$/.test(searchParams.pagina ?? "") ? Math.max(1, Number(searchParams.pagina)) : 1
  return <CategoryView code={code} page={page} />
}
