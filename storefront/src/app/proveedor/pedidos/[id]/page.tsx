import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { getSupplierOrder, listOrderShipments, orderedQuantity } from "@lib/data/delivery"
import { capabilities } from "@lib/data/me"
import { amount, dateTime } from "@lib/format"
import { acknowledgementOf } from "@lib/data/invoicing"
import { day } from "@lib/format"
import { getLang, t, tj } from "@lib/i18n"
import { AcknowledgeForm } from "./acknowledge-form"
import { ShipmentForm } from "./shipment-form"

export const metadata: Metadata = { title: "Pedido — Tienda Digital" }
export const dynamic = "force-dynamic"

/** One order placed with my company: its lines, my shipments (with their reception) and the shipment form. */
export default async function SupplierOrderPage({ params }: { params: { id: string } }) {
  const m = t()
  const account = await requireAccount(`/proveedor/pedidos/${params.id}`)
  const back = (
    <p>
      <Link href="/proveedor/pedidos">← {m.supplierOrders.title}</Link>
    </p>
  )
  if ("error" in account) {
    return (
      <section aria-labelledby="pedido">
        <h1 id="pedido">{m.supplierOrders.order}</h1>
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).orders) {
    return (
      <section aria-labelledby="pedido">
        <h1 id="pedido">{m.supplierOrders.order}</h1>
        <ApiErrorNotice code="SOLO_PROVEEDORES" message={m.supplierOrders.notSupplier} testId="orders-denied" />
      </section>
    )
  }
  const [res, shipments] = await Promise.all([getSupplierOrder(account.session, params.id), listOrderShipments(account.session, params.id)])
  if (!res.ok) {
    return (
      <section aria-labelledby="pedido">
        {back}
        <h1 id="pedido">{m.supplierOrders.order}</h1>
        <ApiErrorNotice {...res.error} testId="order-error" />
      </section>
    )
  }
  const o = res.data.order
  const mj = tj()
  const ack = acknowledgementOf(o)
  const canSign = capabilities(account.profile).sign
  const lines = (o.items ?? []).map((i) => ({
    contract_line: Number(i.metadata?.contract_line ?? 0),
    title: i.title,
    quantity: orderedQuantity(i),
    unit_price: i.unit_price,
  }))
  return (
    <section aria-labelledby="pedido">
      {back}
      <h1 id="pedido" data-testid="order-heading">
        {m.supplierOrders.order} {o.display_id ?? o.id}
      </h1>
      <p>
        {m.supplierOrders.contract} <strong data-testid="order-contract">{o.specific_contract.number}</strong> · {m.supplierOrders.total}:{" "}
        <strong>{amount(o.specific_contract.total)}</strong> · {m.supplierOrders.placed}: {dateTime(o.created_at)}
      </p>
      {ack ? (
        <p className="success" role="status" data-testid="ack-done">
          <strong>{mj.ack.confirmed}</strong> · {mj.ack.promised}: <span data-testid="ack-promised">{day(ack.promised_delivery_date)}</span>
          {ack.acknowledgement_note ? ` · ${ack.acknowledgement_note}` : ""}
        </p>
      ) : canSign ? (
        <AcknowledgeForm lang={getLang()} orderId={o.id} minDate={new Date().toISOString().slice(0, 10)} />
      ) : (
        <p className="notice" data-testid="ack-pending">
          {mj.ack.notConfirmed}
        </p>
      )}
      <section aria-labelledby="partidas">
        <h2 id="partidas">{m.supplierOrders.lines}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="order-lines">
            <thead>
              <tr>
                <th scope="col">{m.supplierOrders.line}</th>
                <th scope="col">{m.supplierOrders.description}</th>
                <th scope="col" className="num">
                  {m.supplierOrders.ordered}
                </th>
                <th scope="col" className="num">
                  {m.supplierOrders.unitPrice}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.contract_line} data-testid="order-line">
                  <td data-label={m.supplierOrders.line}>{l.contract_line}</td>
                  <th scope="row">{l.title}</th>
                  <td className="num" data-label={m.supplierOrders.ordered} data-testid="order-line-quantity">
                    {l.quantity.toLocaleString("es-MX")}
                  </td>
                  <td className="num" data-label={m.supplierOrders.unitPrice}>
                    {amount(l.unit_price)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="envios">
        <h2 id="envios">{m.supplierOrders.shipments}</h2>
        {!shipments.ok ? (
          <ApiErrorNotice {...shipments.error} testId="shipments-error" />
        ) : shipments.data.shipments.length === 0 ? (
          <p className="muted" data-testid="shipments-empty">
            {m.supplierOrders.noShipments}
          </p>
        ) : (
          <ul className="list" data-testid="shipments">
            {shipments.data.shipments.map((s) => (
              <li key={s.id} className="card" data-testid="shipment-row" data-status={s.status}>
                <strong>
                  {m.receptions.deliveryNote} {s.delivery_note}
                </strong>
                <span className="muted">
                  {dateTime(s.shipped_at)} · {m.supplierOrders.shipmentStatus[s.status] ?? s.status}
                </span>
                <span>{s.lines.map((l) => `${m.supplierOrders.line} ${l.contract_line}: ${m.common.units(l.quantity)}`).join(" · ")}</span>
                {s.reception ? (
                  <span data-testid="shipment-reception">
                    {m.supplierOrders.received}: {m.receptions.outcomes[s.reception.outcome] ?? s.reception.outcome}
                    {s.reception.days_late > 0
                      ? ` · ${m.receptions.daysLate(s.reception.days_late)} · ${m.receptions.penalty}: ${amount(s.reception.penalty_amount)}`
                      : ""}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canSign ? (
        <p>
          <Link className="button" href={`/proveedor/facturas?pedido=${encodeURIComponent(o.id)}`} data-testid="order-invoice">
            {mj.ack.invoice}
          </Link>
        </p>
      ) : null}
      {canSign ? (
        <ShipmentForm
          lang={getLang()}
          orderId={o.id}
          lines={lines.map(({ contract_line, title, quantity }) => ({ contract_line, title, quantity }))}
        />
      ) : null}
    </section>
  )
}
