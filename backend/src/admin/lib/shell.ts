/**
 * The dashboard shell: what the Tienda Digital changes in Medusa's own
 * dashboard, which has no API for it (docs/dashboard.md).
 *
 * - Spanish by default: Medusa's dashboard picks its language from the `lng`
 *   cookie, then `localStorage.lng`, then the browser; a person who never
 *   chose one gets Spanish (their later choice in "Perfil" is kept).
 * - The menus a person must not use are hidden: `GET /admin/dashboard/menu`
 *   names them (computed from the guard's route map), a stylesheet hides their
 *   links, and opening one by address goes to the first section they may use.
 * - Buttons of shop actions the store refuses to everybody (capture or refund
 *   a payment, edit or return an order…) are hidden wherever Medusa shows them.
 *
 * Installed once, when the dashboard loads its extensions (before it renders).
 */

/** Where Medusa serves the dashboard (`admin.path`). */
export const BASE = "/app"

/**
 * Labels of Medusa's order and payment actions (its es and en translations):
 * every one writes to a route the guard refuses (RUTA_FUERA_DEL_PROCEDIMIENTO).
 */
export const HIDDEN_ACTION_LABELS: readonly string[] = [
  "Capturar pago",
  "Capturar",
  "Reembolso",
  "Marcar como pagado",
  "Solicitar devolución",
  "Editar pedido",
  "Reclamar",
  "Intercambiar",
  "Devolver",
  "Transferir propiedad",
  "Cumplir artículos",
  "Crear Cumplimiento",
  "Marcar como enviado",
  "Marcar como entregado",
  "Capture payment",
  "Capture",
  "Refund",
  "Mark as paid",
  "Request return",
  "Edit order",
  "Claim",
  "Exchange",
  "Return",
  "Transfer ownership",
  "Fulfill items",
  "Create Fulfillment",
  "Mark as shipped",
  "Mark as delivered",
]

/** Where the dashboard sends a person after login (Medusa's default, then ours). */
const LANDING = ["/orders", "/framework-contracts", "/offer-requests", "/organizations", "/requisitions", "/settings/profile"]

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">

/** The language the person chose, if any (Medusa's detector: cookie `lng`, then localStorage `lng`). */
export function chosenLanguage(cookie: string, storage: Storage): string | null {
  const fromCookie = cookie
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith("lng="))
  return fromCookie ? decodeURIComponent(fromCookie.slice(4)) || null : storage.getItem("lng")
}

/** Spanish for whoever has not chosen a language; returns the language in force. */
export function defaultToSpanish(cookie: string, storage: Storage): string {
  const chosen = chosenLanguage(cookie, storage)
  if (chosen) {
    return chosen
  }
  storage.setItem("lng", "es")
  return "es"
}

/** The stylesheet that hides the links to these sections (and their sub-pages) in every menu. */
export function hidingCss(paths: readonly string[]): string {
  if (paths.length === 0) {
    return ""
  }
  const selectors = paths.flatMap((p) => [`a[href="${BASE}${p}"]`, `a[href^="${BASE}${p}/"]`, `a[href^="${BASE}${p}?"]`])
  return `${selectors.join(",\n")} {\n  display: none !important;\n}\n`
}

/** Whether a dashboard location is (inside) one of the hidden sections. */
export function isHiddenLocation(pathname: string, hidden: readonly string[]): boolean {
  const inner = pathname.startsWith(BASE) ? pathname.slice(BASE.length) || "/" : pathname
  return hidden.some((p) => inner === p || inner.startsWith(`${p}/`))
}

/** The first section a person may use (after login, or instead of a hidden one). */
export function landingFor(hidden: readonly string[]): string {
  return LANDING.find((p) => !hidden.includes(p)) ?? "/settings/profile"
}

type Menu = { hidden: string[] }

/** Installs the shell on the dashboard's document. Idempotent. */
export function installShell(win: Window & typeof globalThis = window) {
  const doc = win.document
  const root = doc.documentElement
  if (root.dataset.tiendaShell) {
    return
  }
  root.dataset.tiendaShell = "installed"

  const language = () => {
    let lng = "es"
    try {
      lng = defaultToSpanish(doc.cookie, win.localStorage)
    } catch {
      // storage blocked: Medusa falls back to the browser's language
    }
    // Medusa's index.html has no lang: screen readers need it (WCAG 3.1.1)
    root.lang = lng.startsWith("es") ? "es-MX" : lng
  }
  language()

  const style = doc.createElement("style")
  style.id = "tienda-dashboard-shell"
  doc.head.appendChild(style)

  let menu: Menu | null = null
  let loading = false
  let lastPath = ""

  const loadMenu = async () => {
    loading = true
    try {
      const res = await win.fetch("/admin/dashboard/menu", { credentials: "include", headers: { accept: "application/json" } })
      if (res.ok) {
        menu = (await res.json()) as Menu
        style.textContent = hidingCss(menu.hidden)
        root.dataset.tiendaMenu = "ready"
        tick()
      }
    } catch {
      // offline or logged out: retried on the next navigation
    } finally {
      loading = false
    }
  }

  const hideActions = () => {
    const labels = new Set(HIDDEN_ACTION_LABELS)
    for (const el of Array.from(doc.querySelectorAll<HTMLElement>('button, a, [role="menuitem"]'))) {
      if (el.dataset.tiendaHidden) {
        continue
      }
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim()
      if (labels.has(text)) {
        el.style.setProperty("display", "none", "important")
        el.setAttribute("aria-hidden", "true")
        el.dataset.tiendaHidden = "action"
      }
    }
  }

  const tick = () => {
    language()
    const path = win.location.pathname
    const loggedOut = path.endsWith("/login") || path.includes("/reset-password") || path.includes("/invite")
    if (loggedOut) {
      menu = null
      style.textContent = ""
      delete root.dataset.tiendaMenu
    } else if (!menu && !loading && path !== lastPath) {
      void loadMenu()
    }
    lastPath = path
    if (menu && isHiddenLocation(path, menu.hidden)) {
      // React Router listens to popstate: the dashboard renders the new location
      win.history.replaceState(win.history.state, "", `${BASE}${landingFor(menu.hidden)}`)
      win.dispatchEvent(new PopStateEvent("popstate", { state: win.history.state }))
    }
    hideActions()
  }

  let scheduled = false
  const schedule = () => {
    if (!scheduled) {
      scheduled = true
      win.setTimeout(() => {
        scheduled = false
        tick()
      }, 0)
    }
  }
  new win.MutationObserver(schedule).observe(root, { childList: true, subtree: true })
  win.addEventListener("popstate", schedule)
  schedule()
}
