import type { Metadata } from "next"
import { CategoryView } from "./category-view"

export const metadata: Metadata = { title: "Catálogo por categoría — Tienda Digital" }
export const dynamic = "force-dynamic"

/** The UNSPSC segments my units may buy from. */
export default function Catalog() {
  return <CategoryView code={null} page={1} />
}
