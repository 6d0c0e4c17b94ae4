"use client"

import { useEffect, useRef, useTransition } from "react"
import { useRouter } from "next/navigation"
import { SORT_LABELS, SORTS, type Sort } from "@lib/search-params"

/** Sort selector: changing it navigates to that sort's URL (the sort lives in the URL). */
export function SortSelect({ value, hrefs }: { value: Sort; hrefs: Record<Sort, string> }) {
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <label className="sort" data-pending={pending || undefined}>
      <span>Ordenar por</span>
      <select
        value={value}
        data-testid="search-sort"
        onChange={(e) => {
          const href = hrefs[e.target.value as Sort]
          start(() => router.push(href))
        }}
      >
        {SORTS.map((s) => (
          <option key={s} value={s}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * The filters as a disclosure: open beside the results on wide screens,
 * folded above them on phones (opened with its "Filtros" button).
 */
export function FiltersPanel({ active, children }: { active: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 47.99rem)").matches) {
      ref.current.open = false
    }
  }, [])
  return (
    <details ref={ref} className="filters" open data-testid="filters">
      <summary data-testid="filters-toggle">Filtros{active ? ` (${active} aplicados)` : ""}</summary>
      {children}
    </details>
  )
}
