import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { getRole } from "../../../access/roles"
import { PersonDrawer, type PersonRow } from "../../components/person-drawer"
import { adminGet } from "../../lib/api"

/** The people registry: everyone who may log in, their organization and roles; register and edit. */
const PeoplePage = () => {
  const [q, setQ] = useState("")
  const [rows, setRows] = useState<PersonRow[] | null>(null)
  const [count, setCount] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((v) => v + 1)

  useEffect(() => {
    const params = new URLSearchParams({ limit: "100" })
    if (q.trim()) {
      params.set("q", q.trim())
    }
    adminGet<{ people: PersonRow[]; count: number }>(`/admin/people?${params}`)
      .then((r) => {
        setRows(r.people)
        setCount(r.count)
        setError(null)
      })
      .catch((e: Error) => setError(e.message))
  }, [q, version])

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Personas</Heading>
          <Text size="small" className="text-ui-fg-subtle" role="status">
            {rows === null && !error ? "Cargando…" : `${count} registradas con acceso a la Tienda Digital`}
          </Text>
        </div>
        <div className="flex flex-wrap gap-2">
          <PersonDrawer onSaved={reload} />
          <Input placeholder="Buscar por nombre o correo" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Buscar persona" />
        </div>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error" role="alert">
          {error}
        </Text>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Nombre</Table.HeaderCell>
                <Table.HeaderCell>Correo</Table.HeaderCell>
                <Table.HeaderCell>Organización</Table.HeaderCell>
                <Table.HeaderCell>Roles</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="sr-only">Acciones</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(rows ?? []).map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    {p.full_name}
                    {p.position ? <span className="text-ui-fg-subtle"> · {p.position}</span> : null}
                  </Table.Cell>
                  <Table.Cell>{p.email}</Table.Cell>
                  <Table.Cell>{p.organization?.legal_name ?? "—"}</Table.Cell>
                  <Table.Cell>
                    {p.role_assignments
                      .map((r) => `${getRole(r.role)?.label_es ?? r.role}${r.unit ? ` (${r.unit.code})` : ""}`)
                      .join(", ") || "—"}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex items-center gap-2">
                      {!p.is_active && <Badge size="2xsmall">Inactiva</Badge>}
                      <PersonDrawer person={p} onSaved={reload} />
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

export const config = defineRouteConfig({ label: "Personas", icon: Users })

export default PeoplePage
