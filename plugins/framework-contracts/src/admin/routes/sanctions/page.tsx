import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminFetch } from "../../lib/api"

type Sanction = {
  id: string
  supplier_rfc: string
  supplier_name: string
  type: string
  authority: string
  starts_on: string
  ends_on: string | null
  source: string | null
}
type ImportResult = { created: number; duplicates: number; rejected: { row: number; reason: string }[] }

const EMPTY = {
  supplier_rfc: "",
  supplier_name: "",
  type: "Inhabilitación",
  authority: "SFP",
  starts_on: new Date().toISOString().slice(0, 10),
  ends_on: "",
}
const day = (d: string | null) => (d ? d.slice(0, 10) : "Indefinida")

/**
 * Sanctioned-suppliers registry: register a sanction by hand or import the
 * SFP directory (CSV). A sanction takes the supplier's offers out of the
 * store and carts at once.
 */
const SanctionsPage = () => {
  const [rows, setRows] = useState<Sanction[]>([])
  const [form, setForm] = useState(EMPTY)
  const [csv, setCsv] = useState("")
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  const load = useCallback(() => {
    adminFetch<{ sanctions: Sanction[] }>("/admin/sanctions")
      .then((r) => setRows(r.sanctions))
      .catch((e: Error) => setMessage({ error: true, text: e.message }))
  }, [])
  useEffect(load, [load])

  const register = async () => {
    try {
      await adminFetch("/admin/sanctions", {
        method: "POST",
        body: { sanctions: [{ ...form, ends_on: form.ends_on || null }] },
      })
      setMessage({ error: false, text: `Sanción registrada para ${form.supplier_rfc}; sus ofertas salieron de la tienda.` })
      setForm(EMPTY)
      load()
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message })
    }
  }

  const importCsv = async () => {
    try {
      const r = await adminFetch<ImportResult>("/admin/sanctions/import", { method: "POST", body: { csv } })
      const rejected = r.rejected.map((x) => `renglón ${x.row}: ${x.reason}`).join("; ")
      setMessage({
        error: r.rejected.length > 0,
        text: `Importadas ${r.created}, ya registradas ${r.duplicates}, rechazadas ${r.rejected.length}${rejected ? ` (${rejected})` : ""}.`,
      })
      setCsv("")
      load()
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message })
    }
  }

  const field = (key: keyof typeof EMPTY, label: string, type = "text") => (
    <div>
      <Label htmlFor={`sanction-${key}`}>{label}</Label>
      <Input id={`sanction-${key}`} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  )

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Proveedores sancionados</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Directorio de proveedores y contratistas sancionados. La sanción aplica de inmediato en tienda y carritos.
          </Text>
        </div>
        <div className="grid grid-cols-3 gap-3 px-6 py-4">
          {field("supplier_rfc", "RFC del proveedor")}
          {field("supplier_name", "Razón social")}
          {field("type", "Tipo de sanción")}
          {field("authority", "Autoridad")}
          {field("starts_on", "Inicio", "date")}
          {field("ends_on", "Fin (opcional)", "date")}
        </div>
        <div className="px-6 py-4">
          <Button disabled={!form.supplier_rfc || !form.supplier_name} onClick={register}>
            Registrar sanción
          </Button>
        </div>
        <div className="flex flex-col gap-2 px-6 py-4">
          <Label htmlFor="sanctions-csv">Importar directorio (CSV de la SFP)</Label>
          <Textarea
            id="sanctions-csv"
            rows={4}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder="RFC,Nombre,Tipo,Autoridad,Fecha inicio,Fecha fin,Motivo"
          />
          <Input
            type="file"
            accept=".csv,text/csv"
            aria-label="Archivo CSV"
            onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
          />
          <div>
            <Button variant="secondary" disabled={!csv.trim()} onClick={importCsv}>
              Importar
            </Button>
          </div>
        </div>
        {message && (
          <Text className={`px-6 py-3 ${message.error ? "text-ui-fg-error" : ""}`} role={message.error ? "alert" : "status"}>
            {message.text}
          </Text>
        )}
      </Container>
      <Container className="p-0">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>RFC</Table.HeaderCell>
              <Table.HeaderCell>Proveedor</Table.HeaderCell>
              <Table.HeaderCell>Sanción</Table.HeaderCell>
              <Table.HeaderCell>Autoridad</Table.HeaderCell>
              <Table.HeaderCell>Inicio</Table.HeaderCell>
              <Table.HeaderCell>Fin</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell className="font-mono">{s.supplier_rfc}</Table.Cell>
                <Table.Cell>{s.supplier_name}</Table.Cell>
                <Table.Cell>{s.type}</Table.Cell>
                <Table.Cell>{s.authority}</Table.Cell>
                <Table.Cell>{day(s.starts_on)}</Table.Cell>
                <Table.Cell>{day(s.ends_on)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Sanciones", icon: ExclamationCircle })

export default SanctionsPage
