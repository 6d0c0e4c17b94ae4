import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminFetch } from "../../lib/api"
import { money, signedDifference } from "../../lib/money"

type OfferRequest = {
  id: string
  kind: "new_offer" | "price_change"
  item_id: string
  supplier_id: string
  price: string
  previous_price: string | null
  difference: string | null
  item: { id: string; code: string; name: string; ceiling_price: string | null } | null
  supplier: { id: string; legal_name: string; rfc: string } | null
  created_at: string
}

const KIND = { new_offer: "Nueva oferta", price_change: "Cambio de precio" } as const

/**
 * The Master Contract Administrator's review queue: each request with its
 * item, ceiling price, the price in force and the proposed one and their
 * difference; approving or rejecting asks for confirmation first. Buyers see
 * nothing until approval.
 */
const OfferRequestsPage = () => {
  const prompt = usePrompt()
  const [rows, setRows] = useState<OfferRequest[] | null>(null)
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    adminFetch<{ offer_requests: OfferRequest[] }>("/admin/offer-requests?status=pending&limit=100")
      .then((r) => {
        setRows(r.offer_requests)
        setError(null)
      })
      .catch((e: Error) => setError(e.message))
  }, [])
  useEffect(load, [load])

  const review = async (r: OfferRequest, decision: "approve" | "reject") => {
    const what = `${KIND[r.kind].toLowerCase()} de ${r.supplier?.legal_name ?? r.supplier_id} para «${r.item?.name ?? r.item_id}»`
    const price =
      r.kind === "price_change"
        ? `de ${money(r.previous_price)} a ${money(r.price)} (${signedDifference(r.difference, r.previous_price)})`
        : `a ${money(r.price)}`
    const reason = (reasons[r.id] ?? "").trim()
    if (decision === "reject" && !reason) {
      toast.error("Escribe el motivo del rechazo: el proveedor lo recibirá.")
      return
    }
    const confirmed = await prompt(
      decision === "approve"
        ? {
            title: "¿Aprobar la solicitud?",
            description: `Se aprobará la ${what}, ${price}. Las dependencias verán el precio nuevo de inmediato.`,
            confirmText: "Aprobar",
            cancelText: "Cancelar",
            variant: "confirmation",
          }
        : {
            title: "¿Rechazar la solicitud?",
            description: `Se rechazará la ${what}, ${price}, con el motivo: «${reason}».`,
            confirmText: "Rechazar",
            cancelText: "Cancelar",
            variant: "danger",
          },
    )
    if (!confirmed) {
      return
    }
    try {
      await adminFetch(`/admin/offer-requests/${r.id}/review`, { method: "POST", body: { decision, reason: reason || null } })
      toast.success(decision === "approve" ? "Solicitud aprobada" : "Solicitud rechazada")
      load()
    } catch (e) {
      toast.error((e as Error).message)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Solicitudes de ofertas</Heading>
        <Text size="small" className="text-ui-fg-subtle" role="status">
          {rows === null && !error ? "Cargando solicitudes…" : `${rows?.length ?? 0} pendientes de revisión`}
        </Text>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          {error}
        </Text>
      ) : rows?.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No hay solicitudes pendientes.</Text>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Tipo</Table.HeaderCell>
                <Table.HeaderCell>Artículo</Table.HeaderCell>
                <Table.HeaderCell>Proveedor</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Precio techo</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Precio vigente</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Precio propuesto</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Diferencia</Table.HeaderCell>
                <Table.HeaderCell>Motivo del rechazo</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="sr-only">Acciones</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(rows ?? []).map((r) => (
                <Table.Row key={r.id} data-testid="offer-request-row">
                  <Table.Cell>
                    <Badge size="2xsmall" color={r.kind === "new_offer" ? "blue" : "orange"}>
                      {KIND[r.kind]}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>
                    <span className="font-mono">{r.item?.code ?? r.item_id}</span> {r.item?.name}
                  </Table.Cell>
                  <Table.Cell>{r.supplier?.legal_name ?? r.supplier_id}</Table.Cell>
                  <Table.Cell className="text-right">{money(r.item?.ceiling_price)}</Table.Cell>
                  <Table.Cell className="text-right" data-testid="previous-price">
                    {money(r.previous_price)}
                  </Table.Cell>
                  <Table.Cell className="text-right" data-testid="proposed-price">
                    {money(r.price)}
                  </Table.Cell>
                  <Table.Cell className="text-right" data-testid="price-difference">
                    {signedDifference(r.difference, r.previous_price)}
                  </Table.Cell>
                  <Table.Cell>
                    <Input
                      size="small"
                      aria-label={`Motivo del rechazo: ${r.item?.name ?? r.item_id}`}
                      value={reasons[r.id] ?? ""}
                      onChange={(e) => setReasons({ ...reasons, [r.id]: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex gap-2">
                      <Button size="small" onClick={() => review(r, "approve")} data-testid="approve">
                        Aprobar
                      </Button>
                      <Button size="small" variant="secondary" onClick={() => review(r, "reject")} data-testid="reject">
                        Rechazar
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Solicitudes de ofertas", icon: Tag })

export default OfferRequestsPage
