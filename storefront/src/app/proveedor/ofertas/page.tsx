import type { Metadata } from "next"
import { ActionForm } from "../../../components/action-form"
import { ApiErrorNotice } from "../../../components/api-error"
import { requestPriceChangeAction } from "@lib/actions/offers"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { listOfferRequests, listSupplierFrameworkContracts, listSupplierOffers } from "@lib/data/offers"
import { amount, date, dateTime } from "@lib/format"
import { tj } from "@lib/i18n"

export const metadata: Metadata = { title: "Mis contratos y ofertas — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * The supplier's framework contracts (GET /supplier/framework-contracts),
 * its offers with their price history (GET /supplier/offers), a price-change
 * request per offer and the requests' review (GET/POST /supplier/offer-requests).
 */
export default async function SupplierOffers() {
  const m = tj()
  const account = await requireAccount("/proveedor/ofertas")
  const heading = <h1 id="ofertas">{m.offers.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="ofertas">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).offers) {
    return (
      <section aria-labelledby="ofertas">
        {heading}
        <ApiErrorNotice code="SOLO_PROVEEDORES" message={m.offers.notSupplier} testId="offers-denied" />
      </section>
    )
  }
  const [contracts, offers, requests] = await Promise.all([
    listSupplierFrameworkContracts(account.session),
    listSupplierOffers(account.session),
    listOfferRequests(account.session),
  ])
  const itemName = new Map(offers.ok ? offers.data.offers.map((o) => [o.item.id, o.item.name]) : [])
  return (
    <section aria-labelledby="ofertas">
      {heading}
      <p className="muted">{m.offers.intro}</p>
      <section aria-labelledby="solicitudes">
        <h2 id="solicitudes">{m.offers.requests}</h2>
        {!requests.ok ? (
          <ApiErrorNotice {...requests.error} testId="requests-error" />
        ) : requests.data.offer_requests.length === 0 ? (
          <p className="muted" data-testid="requests-empty">
            {m.offers.noRequests}
          </p>
        ) : (
          <ul className="list" data-testid="offer-requests">
            {requests.data.offer_requests.map((r) => (
              <li key={r.id} className="card" data-testid="offer-request" data-status={r.status}>
                <strong>
                  {m.offers.kind[r.kind] ?? r.kind}: {itemName.get(r.item_id) ?? r.item_id}
                </strong>
                <span>
                  {amount(r.price)} · <span data-testid="offer-request-status">{m.offers.requestStatus[r.status] ?? r.status}</span>
                </span>
                <span className="muted">
                  {m.offers.requested}: {dateTime(r.created_at)}
                  {r.reviewed_at ? ` · ${m.offers.reviewed}: ${dateTime(r.reviewed_at)}` : ""}
                </span>
                {r.reason ? (
                  <span>
                    {m.offers.reason}: {r.reason}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="contratos-marco">
        <h2 id="contratos-marco">{m.offers.contracts}</h2>
        {!contracts.ok ? (
          <ApiErrorNotice {...contracts.error} testId="contracts-error" />
        ) : contracts.data.framework_contracts.length === 0 ? (
          <p className="notice" data-testid="framework-empty">
            {m.offers.noContracts}
          </p>
        ) : (
          <ul className="list" data-testid="framework-contracts">
            {contracts.data.framework_contracts.map((c) => (
              <li key={c.contract.id} className="card" data-testid="framework-contract">
                <strong>
                  {c.contract.number} — {c.contract.title}
                </strong>
                <span>
                  {m.offers.enrolment[c.enrolment.status] ?? c.enrolment.status} · {m.offers.validity}: {date(c.enrolment.valid_from)} –{" "}
                  {date(c.enrolment.valid_until)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mis-ofertas">
        <h2 id="mis-ofertas">{m.offers.offersHeading}</h2>
        {!offers.ok ? (
          <ApiErrorNotice {...offers.error} testId="offers-error" />
        ) : offers.data.offers.length === 0 ? (
          <p className="notice" data-testid="offers-empty">
            {m.offers.noOffers}
          </p>
        ) : (
          <ul className="list" data-testid="offers">
            {offers.data.offers.slice(0, 100).map((o) => (
              <li key={o.id} className="card" data-testid="offer" data-item={o.item.code}>
                <h3 className="card-title">{o.item.name}</h3>
                <span>
                  {m.offers.price}: <strong data-testid="offer-price">{amount(o.price)}</strong> · {m.offers.minimum}: {o.min_order_qty} ·{" "}
                  {m.offers.status[o.status] ?? o.status}
                </span>
                {o.prices.length > 1 ? (
                  <details>
                    <summary>{m.offers.history}</summary>
                    <ul>
                      {[...o.prices]
                        .sort((a, b) => b.valid_from.localeCompare(a.valid_from))
                        .map((p) => (
                          <li key={p.id}>
                            {amount(p.price)} · {m.offers.since} {date(p.valid_from)}
                            {p.valid_until ? ` ${m.offers.until} ${date(p.valid_until)}` : ""}
                          </li>
                        ))}
                    </ul>
                  </details>
                ) : null}
                {o.status === "active" ? (
                  <details>
                    <summary data-testid="offer-change-open">
                      {m.offers.change}
                      <span className="visually-hidden">: {o.item.name}</span>
                    </summary>
                    <ActionForm
                      action={requestPriceChangeAction}
                      hidden={{ offer_id: o.id }}
                      label={m.offers.send}
                      ariaLabel={`${m.offers.send}: ${o.item.name}`}
                      pending={m.offers.sending}
                      testId="price-change"
                      className="button primary"
                      input={{ name: "price", label: m.offers.newPrice, maxLength: 15 }}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  )
}
