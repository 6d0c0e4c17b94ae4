import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { OrganizationDrawer, type OrganizationRow } from "../../components/organization-drawer"
import { adminGet } from "../../lib/api"

type Organization = OrganizationRow

const KIND_LABEL: Record<Organization["kind"], string> = {
  shcp: "SHCP",
  agency: "Dependencia / entidad",
  supplier: "Proveedor",
  civil_society: "Sociedad civil",
}

const SIZE_LABEL: Record<string, string> = {
  micro: "Micro",
  pequena: "Pequeña",
  mediana: "Mediana",
  grande: "Grande",
}

/**
 * Directory of organizations for SHCP staff: agencies, suppliers and
 * civil-society bodies with RFC and state, filterable by kind and text.
 */
const OrganizationsPage = () => {
  const [kind, setKind] = useState<string>("all")
  const [q, setQ] = useState("")
  const [rows, setRows] = useState<Organization[]>([])
  const [count, setCount] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((v) => v + 1)

  useEffect(() => {
    const params = new URLSearchParams({ limit: "100" })
    if (kind !== "all") {
      params.set("kind", kind)
    }
    if (q.trim()) {
      params.set("q", q.trim())
    }
    adminGet<{ organizations: Organization[]; count: number }>(`/admin/organizations?${params}`)
      .then((r) => {
        setRows(r.organizations)
        setCount(r.count)
        setError(null)
      })
      .catch((e: Error) => setError(e.message))
  }, [kind, q, version])

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Organizaciones</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {count} registradas: dependencias, proveedores y organismos de supervisión
          </Text>
        </div>
        <div className="flex flex-wrap gap-2">
          <OrganizationDrawer onSaved={reload} />
          <Input placeholder="Buscar por nombre o RFC" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Buscar organización" />
          <Select value={kind} onValueChange={setKind}>
            <Select.Trigger aria-label="Tipo de organización">
              <Select.Value placeholder="Tipo" />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">Todas</Select.Item>
              <Select.Item value="agency">Dependencias</Select.Item>
              <Select.Item value="supplier">Proveedores</Select.Item>
              <Select.Item value="shcp">SHCP</Select.Item>
              <Select.Item value="civil_society">Sociedad civil</Select.Item>
            </Select.Content>
          </Select>
        </div>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          {error}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Razón social</Table.HeaderCell>
              <Table.HeaderCell>RFC</Table.HeaderCell>
              <Table.HeaderCell>Tipo</Table.HeaderCell>
              <Table.HeaderCell>Entidad</Table.HeaderCell>
              <Table.HeaderCell>Tamaño</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="sr-only">Acciones</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>{o.legal_name}</Table.Cell>
                <Table.Cell className="font-mono">{o.rfc}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{KIND_LABEL[o.kind]}</Badge>
                </Table.Cell>
                <Table.Cell>{o.state_code ?? "—"}</Table.Cell>
                <Table.Cell>{o.sme_size ? SIZE_LABEL[o.sme_size] : "—"}</Table.Cell>
                <Table.Cell>
                  <div className="flex items-center gap-2">
                    {!o.is_active && <Badge size="2xsmall">Inactiva</Badge>}
                    <OrganizationDrawer organization={o} onSaved={reload} />
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Organizaciones",
  icon: Buildings,
})

export default OrganizationsPage
