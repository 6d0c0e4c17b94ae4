import { chosenLanguage, defaultToSpanish, hidingCss, isHiddenLocation, landingFor } from "./shell"

const storage = (initial: Record<string, string> = {}) => {
  const data = { ...initial }
  return { data, getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) }
}

describe("the dashboard shell", () => {
  it("opens in Spanish for whoever has not chosen a language, and keeps a choice", () => {
    const fresh = storage()
    expect(defaultToSpanish("connect.sid=abc", fresh)).toBe("es")
    expect(fresh.data.lng).toBe("es")
    const english = storage({ lng: "en" })
    expect(defaultToSpanish("", english)).toBe("en")
    expect(english.data.lng).toBe("en")
    // Medusa's detector reads the cookie first
    expect(chosenLanguage("a=1; lng=ptBR", storage({ lng: "en" }))).toBe("ptBR")
    expect(defaultToSpanish("lng=en", storage())).toBe("en")
  })

  it("hides the links of hidden sections and their sub-pages, not sections that merely share a prefix", () => {
    expect(hidingCss([])).toBe("")
    const css = hidingCss(["/promotions"])
    expect(css).toContain('a[href="/app/promotions"]')
    expect(css).toContain('a[href^="/app/promotions/"]')
    expect(css).toContain("display: none !important")
    expect(css).not.toContain('a[href^="/app/promotions"]')
  })

  it("recognises an address inside a hidden section and lands on the first section the person may use", () => {
    expect(isHiddenLocation("/app/price-lists/plist_1/edit", ["/price-lists"])).toBe(true)
    expect(isHiddenLocation("/app/price-lists-x", ["/price-lists"])).toBe(false)
    expect(isHiddenLocation("/app/orders", ["/price-lists"])).toBe(false)
    expect(landingFor([])).toBe("/orders")
    expect(landingFor(["/orders"])).toBe("/framework-contracts")
    expect(landingFor(["/orders", "/framework-contracts", "/offer-requests", "/organizations", "/requisitions"])).toBe("/settings/profile")
  })
})
