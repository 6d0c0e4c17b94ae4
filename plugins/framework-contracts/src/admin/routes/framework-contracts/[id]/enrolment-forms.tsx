import { Button, Checkbox, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminFetch } from "../../../lib/api"
import type { Ficha } from "./page"

type Org = { id: string; legal_name: string; rfc: string; units?: { id: string; code: string; name: string }[] }

/** Enrolled suppliers and agency units, with forms to enrol more. */
export const EnrolmentForms = ({ ficha, readOnly, onChanged }: { ficha: Ficha; readOnly: boolean; onChanged: () => void }) => {
  const [suppliers, setSuppliers] = useState<Org[]>([])
  const [agencies, setAgencies] = useState<Org[]>([])
  const [pickedSuppliers, setPickedSuppliers] = useState<string[]>([])
  const [pickedUnits, setPickedUnits] = useState<string[]>([])
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10))
  const [until, setUntil] = useState("")
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  useEffect(() => {
    adminFetch<{ organizations: Org[] }>("/admin/organizations?kind=supplier&limit=200")
      .then((r) => setSuppliers(r.organizations))
      .catch(() => setSuppliers([]))
    adminFetch<{ organizations: Org[] }>("/admin/organizations?kind=agency&limit=200")
      .then((r) => setAgencies(r.organizations))
      .catch(() => setAgencies([]))
  }, [])

  const enrolled = new Set(ficha.supplier_enrolments.map((e) => e.supplier_id))
  const enrolledUnits = new Set(ficha.unit_enrolments.map((e) => e.unit_id))
  const name = (id: string) => suppliers.find((s) => s.id === id)?.legal_name ?? id
  const units = agencies.flatMap((a) => (a.units ?? []).map((u) => ({ ...u, agency: a.legal_name })))
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  const submit = async (path: string, body: object, done: () => void) => {
    try {
      await adminFetch(`/admin/framework-contracts/${ficha.id}/${path}`, { method: "POST", body })
      setMessage({ error: false, text: "Adhesión registrada." })
      done()
      onChanged()
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Proveedores adheridos</Heading>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Proveedor</Table.HeaderCell>
            <Table.HeaderCell>Estado</Table.HeaderCell>
            <Table.HeaderCell>Desde</Table.HeaderCell>
            <Table.HeaderCell>Hasta</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {ficha.supplier_enrolments.map((e) => (
            <Table.Row key={e.supplier_id}>
              <Table.Cell>{name(e.supplier_id)}</Table.Cell>
              <Table.Cell>{e.status === "active" ? "Activa" : e.status}</Table.Cell>
              <Table.Cell>{e.valid_from.slice(0, 10)}</Table.Cell>
              <Table.Cell>{e.valid_until?.slice(0, 10) ?? "Sin término"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!readOnly && (
        <div className="flex flex-col gap-3 px-6 py-4">
          <Text weight="plus">Adherir proveedores</Text>
          <div className="grid max-h-48 grid-cols-2 gap-1 overflow-auto">
            {suppliers
              .filter((s) => !enrolled.has(s.id))
              .map((s) => (
                <Label key={s.id} className="flex items-center gap-2">
                  <Checkbox
                    checked={pickedSuppliers.includes(s.id)}
                    onCheckedChange={() => setPickedSuppliers(toggle(pickedSuppliers, s.id))}
                  />
                  {s.legal_name} ({s.rfc})
                </Label>
              ))}
          </div>
          <div className="flex items-end gap-3">
            <div>
              <Label htmlFor="enrol-from">Vigente desde</Label>
              <Input id="enrol-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div>
              <Label htmlFor="enrol-until">Hasta (opcional)</Label>
              <Input id="enrol-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
            </div>
            <Button
              disabled={!pickedSuppliers.length}
              onClick={() =>
                submit("suppliers", { supplier_ids: pickedSuppliers, valid_from: from, valid_until: until || null }, () =>
                  setPickedSuppliers([]),
                )
              }
            >
              Adherir {pickedSuppliers.length || ""}
            </Button>
          </div>
        </div>
      )}
      <div className="px-6 py-4">
        <Heading level="h2">Unidades compradoras adheridas</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {ficha.unit_enrolments.length} unidades pueden comprar con este contrato.
        </Text>
      </div>
      <div className="grid max-h-64 grid-cols-2 gap-1 overflow-auto px-6 py-4">
        {units.map((u) => (
          <Label key={u.id} className="flex items-center gap-2">
            <Checkbox
              disabled={readOnly || enrolledUnits.has(u.id)}
              checked={enrolledUnits.has(u.id) || pickedUnits.includes(u.id)}
              onCheckedChange={() => setPickedUnits(toggle(pickedUnits, u.id))}
            />
            {u.agency} — {u.name} ({u.code})
          </Label>
        ))}
      </div>
      {!readOnly && (
        <div className="px-6 py-4">
          <Button disabled={!pickedUnits.length} onClick={() => submit("units", { unit_ids: pickedUnits }, () => setPickedUnits([]))}>
            Adherir unidades seleccionadas
          </Button>
        </div>
      )}
      {message && (
        <Text className={`px-6 py-3 ${message.error ? "text-ui-fg-error" : ""}`} role={message.error ? "alert" : "status"}>
          {message.text}
        </Text>
      )}
    </Container>
  )
}
