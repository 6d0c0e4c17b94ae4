import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { adminFetch } from "../../lib/api"

type Contract = {
  id: string
  number: string
  title: string
  status: "draft" | "published" | "suspended" | "expired"
  valid_from: string
  valid_until: string
  version: number
}

const STATUS: Record<Contract["status"], { label: string; color: "grey" | "green" | "orange" | "red" }> = {
  draft: { label: "Borrador", color: "grey" },
  published: { label: "Publicado", color: "green" },
  suspended: { label: "Suspendido", color: "orange" },
  expired: { label: "Vencido", color: "red" },
}

const date = (d: string) => new Date(d).toLocaleDateString("es-MX", { timeZone: "UTC" })

/** Framework contracts with status, validity and data-sheet version. */
const FrameworkContractsPage = () => {
  const [rows, setRows] = useState<Contract[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    adminFetch<{ framework_contracts: Contract[] }>("/admin/framework-contracts?limit=100")
      .then((r) => setRows(r.framework_contracts))
      .catch((e: Error) => setError(e.message))
  }, [])
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">Contratos marco</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Fichas versionadas: cada cambio queda registrado y puede consultarse a cualquier fecha.
          </Text>
        </div>
        <Link to="/framework-contracts/new" className="text-ui-fg-base txt-compact-small-plus underline">
          Nuevo contrato marco
        </Link>
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
              <Table.HeaderCell>Título</Table.HeaderCell>
              <Table.HeaderCell>Estado</Table.HeaderCell>
              <Table.HeaderCell>Vigencia</Table.HeaderCell>
              <Table.HeaderCell>Versión</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell className="font-mono">
                  <Link to={`/framework-contracts/${c.id}`} className="text-ui-fg-base underline">
                    {c.number}
                  </Link>
                </Table.Cell>
                <Table.Cell>{c.title}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={STATUS[c.status].color}>
                    {STATUS[c.status].label}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  {date(c.valid_from)} – {date(c.valid_until)}
                </Table.Cell>
                <Table.Cell>{c.version}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Contratos marco", icon: DocumentText })

export default FrameworkContractsPage
