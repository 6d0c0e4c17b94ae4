import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Badge, Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminFetch } from "../../lib/api"

type Step = { revision: number; sequence: number; role: string; status: string; decided_at: string | null; escalated_at: string | null }
type Requisition = {
  id: string
  number: string
  organization_id: string
  status: string
  total: string | number
  revision: number
  submitted_at: string | null
  flags: { kind: string; message: string }[] | null
  approval_steps: Step[]
}
type Policy = {
  id: string
  organization_id: string
  version: number
  steps: { sequence: number; role: string; min_amount: string; sla_hours: number }[]
}

const STATUS: Record<string, { label: string; color: "grey" | "green" | "orange" | "red" | "blue" }> = {
  draft: { label: "Borrador", color: "grey" },
  pending_approval: { label: "En aprobación", color: "blue" },
  returned: { label: "Devuelta", color: "orange" },
  rejected: { label: "Rechazada", color: "red" },
  approved: { label: "Aprobada", color: "green" },
  requires_competition: { label: "Requiere segunda etapa", color: "orange" },
  ordered: { label: "Con pedidos", color: "green" },
  cancelled: { label: "Cancelada", color: "grey" },
}
const money = (v: string | number) => new Intl.NumberFormat("es-MX", { style: "currency", currency: "MXN" }).format(Number(v))

/** Every agency's requisitions with their approval progress and red flags, and the approval policies. */
const RequisitionsPage = () => {
  const [rows, setRows] = useState<Requisition[]>([])
  const [policies, setPolicies] = useState<Policy[]>([])
  const [status, setStatus] = useState("all")
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    adminFetch<{ requisitions: Requisition[] }>(`/admin/requisitions?limit=200${status === "all" ? "" : `&status=${status}`}`)
      .then((r) => setRows(r.requisitions))
      .catch((e: Error) => setError(e.message))
  }, [status])
  useEffect(() => {
    adminFetch<{ approval_policies: Policy[] }>("/admin/approval-policies")
      .then((r) => setPolicies(r.approval_policies))
      .catch(() => setPolicies([]))
  }, [])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Requisiciones</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Todas las dependencias: estado, avance de la cadena de aprobación y alertas de posible fraccionamiento.
            </Text>
          </div>
          <Select value={status} onValueChange={setStatus}>
            <Select.Trigger aria-label="Filtrar por estado">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">Todos los estados</Select.Item>
              {Object.entries(STATUS).map(([k, v]) => (
                <Select.Item key={k} value={k}>
                  {v.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {error ? (
          <Text className="px-6 py-4 text-ui-fg-error" role="alert">
            {error}
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Número</Table.HeaderCell>
                <Table.HeaderCell>Estado</Table.HeaderCell>
                <Table.HeaderCell>Total (con IVA)</Table.HeaderCell>
                <Table.HeaderCell>Aprobaciones</Table.HeaderCell>
                <Table.HeaderCell>Alertas</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => {
                const steps = r.approval_steps.filter((s) => s.revision === r.revision)
                const s = STATUS[r.status] ?? { label: r.status, color: "grey" as const }
                return (
                  <Table.Row key={r.id}>
                    <Table.Cell className="font-mono">{r.number}</Table.Cell>
                    <Table.Cell>
                      <Badge size="2xsmall" color={s.color}>
                        {s.label}
                      </Badge>
                    </Table.Cell>
                    <Table.Cell>{money(r.total)}</Table.Cell>
                    <Table.Cell>
                      {steps.filter((x) => x.status === "approved").length}/{steps.length}
                      {steps.some((x) => x.escalated_at) ? " · escalada" : ""}
                    </Table.Cell>
                    <Table.Cell>{(r.flags ?? []).map((f) => f.message).join(" ") || "—"}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        )}
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Políticas de aprobación</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Cada dependencia versiona su política; sin política propia se usa la predeterminada (titular del área → unidad compradora →
            presupuesto desde $50,000).
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Dependencia</Table.HeaderCell>
              <Table.HeaderCell>Versión</Table.HeaderCell>
              <Table.HeaderCell>Pasos</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {policies.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell className="font-mono">{p.organization_id}</Table.Cell>
                <Table.Cell>{p.version}</Table.Cell>
                <Table.Cell>
                  {p.steps.map((s) => `${s.sequence}. ${s.role} (desde ${money(s.min_amount)}, ${s.sla_hours} h)`).join(" → ")}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Requisiciones", icon: DocumentText })

export default RequisitionsPage
