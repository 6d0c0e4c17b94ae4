import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminFetch } from "../../lib/api"

type OfferRequest = {
  id: string
  kind: "new_offer" | "price_change"
  item_id: string
  supplier_id: string
  price: number
  created_at: string
}

/**
 * The Master Contract Administrator's review queue: approve a new offer or
 * price change, or reject it with a reason. Buyers see nothing until approval.
 */
const OfferRequestsPage = () => {
  const [rows, setRows] = useState<OfferRequest[]>([])
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    adminFetch<{ offer_requests: OfferRequest[] }>("/admin/offer-requests?status=pending&limit=100")
      .then((r) => setRows(r.offer_requests))
      .catch((e: Error) => setError(e.message))
  }, [])
  useEffect(load, [load])

  const review = async (id: string, decision: "approve" | "reject") => {
    try {
      await adminFetch(`/admin/offer-requests/${id}/review`, {
        method: "POST",
        body: { decision, reason: reasons[id] ?? null },
      })
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
        <Text size="small" className="text-ui-fg-subtle">
          {rows.length} pendientes de revisión
        </Text>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          {error}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Tipo</Table.HeaderCell>
              <Table.HeaderCell>Artículo</Table.HeaderCell>
              <Table.HeaderCell>Proveedor</Table.HeaderCell>
              <Table.HeaderCell>Precio (MXN)</Table.HeaderCell>
              <Table.HeaderCell>Motivo del rechazo</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{r.kind === "new_offer" ? "Nueva oferta" : "Cambio de precio"}</Table.Cell>
                <Table.Cell className="font-mono">{r.item_id}</Table.Cell>
                <Table.Cell className="font-mono">{r.supplier_id}</Table.Cell>
                <Table.Cell>{String(r.price)}</Table.Cell>
                <Table.Cell>
                  <Input
                    size="small"
                    aria-label="Motivo del rechazo"
                    value={reasons[r.id] ?? ""}
                    onChange={(e) => setReasons({ ...reasons, [r.id]: e.target.value })}
                  />
                </Table.Cell>
                <Table.Cell className="flex gap-2">
                  <Button size="small" onClick={() => review(r.id, "approve")}>
                    Aprobar
                  </Button>
                  <Button size="small" variant="secondary" onClick={() => review(r.id, "reject")}>
                    Rechazar
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Solicitudes de ofertas", icon: Tag })

export default OfferRequestsPage
