"use client"

import { useEffect, useId, useState } from "react"
import { useRouter } from "next/navigation"

type Suggestion = { text: string; kind: "category" | "item"; id: string }

const DEBOUNCE_MS = 200
const MIN_CHARS = 2

/**
 * The catalog search box: a GET form to /buscar (works without scripts) and,
 * for a logged-in buyer, as-you-type suggestions (ARIA 1.2 combobox with a
 * listbox: arrows move, Enter picks, Escape closes). Suggestions come from
 * /buscar/sugerencias, which calls the API with the session's token.
 */
export function SearchBox({
  initial = "",
  suggest,
  label = "Buscar en el catálogo",
  large = false,
}: {
  initial?: string
  suggest: boolean
  label?: string
  large?: boolean
}) {
  const router = useRouter()
  const id = useId()
  const listId = `${id}-sugerencias`
  const [value, setValue] = useState(initial)
  const [typed, setTyped] = useState(false)
  const [items, setItems] = useState<Suggestion[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState("")

  // a new URL (another search, the back button) brings its own query
  useEffect(() => {
    setValue(initial)
    setTyped(false)
    setOpen(false)
  }, [initial])

  useEffect(() => {
    const q = value.trim()
    if (!suggest || !typed || q.length < MIN_CHARS) {
      setItems([])
      setOpen(false)
      return
    }
    const abort = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/buscar/sugerencias?q=${encodeURIComponent(q)}`, {
          signal: abort.signal,
          headers: { accept: "application/json" },
        })
        const body = (await res.json()) as { suggestions?: Suggestion[] }
        const found = res.ok && Array.isArray(body.suggestions) ? body.suggestions : []
        setItems(found)
        setActive(-1)
        setOpen(found.length > 0)
        setStatus(found.length ? `${found.length} sugerencias; usa las flechas para elegir.` : "Sin sugerencias.")
      } catch {
        // aborted by newer typing, or offline: the search itself still works
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [value, typed, suggest])

  function go(q: string) {
    setOpen(false)
    setTyped(false)
    setValue(q)
    const text = q.trim()
    router.push(text ? `/buscar?q=${encodeURIComponent(text)}` : "/buscar")
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!items.length) {
        return
      }
      e.preventDefault()
      setOpen(true)
      const step = e.key === "ArrowDown" ? 1 : -1
      // -1 is the text box itself: moving past either end comes back to it
      setActive((a) => {
        const next = a + step
        return next < -1 ? items.length - 1 : next >= items.length ? -1 : next
      })
    } else if (e.key === "Enter" && open && active >= 0 && items[active]) {
      e.preventDefault()
      go(items[active].text)
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault()
        setOpen(false)
        setActive(-1)
      }
    }
  }

  const categories = items.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "category")
  const articles = items.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "item")
  const option = ({ s, i }: { s: Suggestion; i: number }) => (
    <li
      key={`${s.kind}-${s.id}`}
      id={`${listId}-${i}`}
      role="option"
      aria-selected={i === active}
      className="suggestion"
      data-kind={s.kind}
      data-testid="suggestion"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => go(s.text)}
    >
      {s.text}
    </li>
  )
  const group = (label: string, options: { s: Suggestion; i: number }[]) =>
    options.length ? (
      <li role="presentation" className="suggestion-group">
        <span className="suggestion-heading" aria-hidden="true">
          {label}
        </span>
        <ul role="group" aria-label={label}>
          {options.map(option)}
        </ul>
      </li>
    ) : null

  return (
    <form
      action="/buscar"
      method="get"
      role="search"
      className={large ? "search-box large" : "search-box"}
      data-testid="search-form"
      onSubmit={(e) => {
        e.preventDefault()
        go(value)
      }}
    >
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {label}
      </label>
      <div className="search-field">
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={value}
          placeholder="Bolígrafos, papel bond, tóner…"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          data-testid="search-input"
          onChange={(e) => {
            setValue(e.target.value)
            setTyped(true)
            // the highlighted suggestion belonged to the previous text
            setActive(-1)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(typed && items.length > 0)}
        />
        <ul id={listId} role="listbox" aria-label="Sugerencias" className="suggestions" hidden={!open} data-testid="suggestions">
          {group("Categorías", categories)}
          {group("Artículos", articles)}
        </ul>
      </div>
      <button type="submit" className="button primary" data-testid="search-submit">
        Buscar
      </button>
      <span className="visually-hidden" aria-live="polite">
        {status}
      </span>
    </form>
  )
}
