import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { ApiErrorNotice } from "../../../components/api-error"
import { capabilities, currentProfile } from "@lib/data/me"
import { getItem } from "@lib/data/purchasing"
import { pesos, priceWithIva } from "@lib/format"
import { t } from "@lib/i18n"
import { stateName } from "@lib/search-params"
import { getSession } from "@lib/session"
import { AddToCart } from "./add-to-cart"

export const metadata: Metadata = { title: "Artículo — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * An item of a framework contract with every offer the buyer may buy side
 * by side (GET /store/catalog/items/:id): price before and with IVA,
 * supplier, MIPYME, delivery days to the unit's state, minimum quantity.
 */
export default async function ItemPage({ params, searchParams }: { params: { id: string }; searchParams: { volver?: string } }) {
  const m = t()
  const here = `/articulos/${encodeURIComponent(params.id)}`
  const session = getSession()
  if (!session) {
    redirect(`/ingresar?siguiente=${encodeURIComponent(here)}`)
  }
  if (session.actor !== "customer") {
    return (
      <section aria-labelledby="articulo">
        <h1 id="articulo">{m.item.title}</h1>
        <ApiErrorNotice code="SOLO_DEPENDENCIAS" message={m.common.noBuyer} />
      </section>
    )
  }
  const [res, profile] = await Promise.all([getItem(session, params.id), currentProfile()])
  if (!res.ok && res.error.status === 401) {
    redirect(`/ingresar?siguiente=${encodeURIComponent(here)}&motivo=sesion`)
  }
  const back = searchParams.volver?.startsWith("/buscar") ? searchParams.volver : "/buscar"
  if (!res.ok) {
    return (
      <section aria-labelledby="articulo">
        <h1 id="articulo">{m.item.title}</h1>
        <ApiErrorNotice code={res.error.code} message={res.error.message} testId="item-error" />
        <p>
          <Link href={back}>{m.item.breadcrumb}</Link>
        </p>
      </section>
    )
  }
  const { item, offers, buyer_state } = res.data
  const state = stateName(buyer_state)
  const canBuy = capabilities(profile).buy
  return (
    <article aria-labelledby="articulo" className="item-page">
      <nav aria-label="Ruta" className="breadcrumb">
        <Link href={back} data-testid="item-back">
          ← {m.item.breadcrumb}
        </Link>
      </nav>
      <h1 id="articulo" data-testid="item-name">
        {item.name}
      </h1>
      {item.description ? <p className="muted">{item.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{m.item.code}</dt>
          <dd>{item.code}</dd>
        </div>
        <div>
          <dt>{m.item.unspsc}</dt>
          <dd>{item.unspsc_code}</dd>
        </div>
        <div>
          <dt>{m.item.partida}</dt>
          <dd data-testid="item-partida">{item.cog_partida}</dd>
        </div>
        <div>
          <dt>{m.item.ceiling}</dt>
          <dd>
            {pesos(item.ceiling_price)} · {m.common.iva(item.iva_treatment)}
          </dd>
        </div>
        <div>
          <dt>{m.item.lotLabel}</dt>
          <dd>
            {item.lot.number}. {item.lot.title}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="ofertas">
        <h2 id="ofertas">{m.item.offersHeading}</h2>
        <p className="muted">{m.item.offersIntro(state)}</p>
        {offers.length === 0 ? (
          <p className="notice" data-testid="item-no-offers">
            {m.item.noOffers}
          </p>
        ) : (
          <ol className="offers" data-testid="offers">
            {offers.map((o, i) => {
              const gross = priceWithIva(o.price, item.iva_treatment)
              return (
                <li key={o.offer_id} className="offer" data-testid="offer" data-supplier={o.supplier.legal_name} data-price={o.price}>
                  <div className="offer-head">
                    <h3 className="offer-supplier" data-testid="offer-supplier">
                      {o.supplier.legal_name}
                    </h3>
                    <span className="offer-badges">
                      {i === 0 && offers.length > 1 ? <span className="badge neutral">{m.item.cheapest}</span> : null}
                      {o.supplier.sme ? (
                        <span className="badge" title={m.item.smeTitle} data-testid="offer-sme">
                          {m.item.sme}
                          <span className="visually-hidden"> ({m.item.smeTitle})</span>
                        </span>
                      ) : null}
                    </span>
                  </div>
                  <dl className="offer-facts">
                    <div>
                      <dt>{m.item.priceWithIva}</dt>
                      <dd className="offer-price" data-testid="offer-price-iva">
                        {gross ? `${pesos(gross)} MXN` : "—"}
                      </dd>
                    </div>
                    <div>
                      <dt>{m.item.price}</dt>
                      <dd data-testid="offer-price">
                        {pesos(o.price)} + {m.common.iva(item.iva_treatment)}
                      </dd>
                    </div>
                    <div>
                      <dt>{m.item.delivery}</dt>
                      <dd data-testid="offer-delivery">
                        {o.delivery_days === null
                          ? m.item.noDelivery(state)
                          : `${m.common.days(o.delivery_days)}${state ? ` · ${state}` : ""}`}
                      </dd>
                    </div>
                    <div>
                      <dt>{m.item.minQty}</dt>
                      <dd data-testid="offer-min-qty">{m.common.units(o.min_order_qty)}</dd>
                    </div>
                  </dl>
                  {canBuy && o.variant_id ? (
                    <AddToCart
                      lang={m.lang.html === "en" ? "en" : "es"}
                      variantId={o.variant_id}
                      itemName={item.name}
                      supplier={o.supplier.legal_name}
                      minQty={o.min_order_qty}
                    />
                  ) : null}
                </li>
              )
            })}
          </ol>
        )}
      </section>
    </article>
  )
}
