import Link from "next/link"
import type { ReactNode } from "react"

/** The cart has nothing to show or to turn into a requisition: say so and point back to the search. */
export function EmptyCart({
  labelledBy,
  heading,
  message,
  searchLabel,
  testId,
}: {
  labelledBy: string
  heading: ReactNode
  message: string
  searchLabel: string
  testId: string
}) {
  return (
    <section aria-labelledby={labelledBy}>
      {heading}
      <p className="notice" data-testid={testId}>
        {message}
      </p>
      <p>
        <Link href="/buscar" className="button primary">
          {searchLabel}
        </Link>
      </p>
    </section>
  )
}
