import { Button, Container, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { adminFetch } from "../../../lib/api"

type ItemForm = {
  code: string
  name: string
  description: string
  unspsc_code: string
  sat_clave_unidad: string
  ceiling_price: string
  iva_treatment: "tasa_16" | "tasa_0" | "exento"
  delivery_states: string
}

const emptyItem = (): ItemForm => ({
  code: "",
  name: "",
  description: "",
  unspsc_code: "",
  sat_clave_unidad: "H87",
  ceiling_price: "",
  iva_treatment: "tasa_16",
  delivery_states: "CMX",
})

const HEADER = {
  number: "",
  title: "",
  description: "",
  legal_basis: "Art. 17 LAASSP; Art. 14 RLAASSP",
  valid_from: new Date().toISOString().slice(0, 10),
  valid_until: "",
  min_amount: "",
  max_amount: "",
  lot_title: "",
  competition_threshold: "",
}

const Field = ({
  id,
  label,
  value,
  onChange,
  type = "text",
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  type?: string
}) => (
  <div className="flex flex-col gap-1">
    <Label htmlFor={id}>{label}</Label>
    <Input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
  </div>
)

/**
 * Registers a framework contract as a draft: its data sheet, a first lot and
 * its items with ceiling prices. The API validates everything (UNSPSC code in
 * the classifier, SAT unit, amounts) and records version 1; publishing is a
 * separate, confirmed step on the contract's page.
 */
const NewFrameworkContractPage = () => {
  const navigate = useNavigate()
  const [header, setHeader] = useState(HEADER)
  const [items, setItems] = useState<ItemForm[]>([emptyItem()])
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (k: keyof typeof HEADER) => (v: string) => setHeader({ ...header, [k]: v })
  const setItem = (i: number, k: keyof ItemForm) => (v: string) => setItems(items.map((it, j) => (j === i ? { ...it, [k]: v } : it)))

  const save = async () => {
    setError(null)
    setSaving(true)
    try {
      const { lot_title, competition_threshold, description, ...rest } = header
      const r = await adminFetch<{ framework_contract: { id: string; number: string } }>("/admin/framework-contracts", {
        method: "POST",
        body: {
          ...rest,
          ...(description ? { description } : {}),
          lots: [
            {
              number: 1,
              title: lot_title,
              competition_threshold,
              items: items.map((it) => ({
                ...it,
                delivery_states: it.delivery_states
                  .split(/[,\s]+/)
                  .map((s) => s.trim().toUpperCase())
                  .filter(Boolean),
              })),
            },
          ],
        },
      })
      toast.success(`Contrato marco ${r.framework_contract.number} registrado como borrador`)
      navigate(`/framework-contracts/${r.framework_contract.id}`)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Nuevo contrato marco</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Se registra como borrador (versión 1). Las dependencias lo ven cuando lo publicas.
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-2">
          <Field id="fc-number" label="Número" value={header.number} onChange={set("number")} />
          <Field id="fc-title" label="Título" value={header.title} onChange={set("title")} />
          <Field id="fc-legal" label="Fundamento legal" value={header.legal_basis} onChange={set("legal_basis")} />
          <Field id="fc-description" label="Descripción (opcional)" value={header.description} onChange={set("description")} />
          <Field id="fc-from" label="Vigente desde" type="date" value={header.valid_from} onChange={set("valid_from")} />
          <Field id="fc-until" label="Vigente hasta" type="date" value={header.valid_until} onChange={set("valid_until")} />
          <Field id="fc-min" label="Monto mínimo (MXN)" value={header.min_amount} onChange={set("min_amount")} />
          <Field id="fc-max" label="Monto máximo (MXN)" value={header.max_amount} onChange={set("max_amount")} />
          <Field id="fc-lot" label="Partida 1: título" value={header.lot_title} onChange={set("lot_title")} />
          <Field
            id="fc-threshold"
            label="Partida 1: monto a partir del cual hay segunda etapa (MXN)"
            value={header.competition_threshold}
            onChange={set("competition_threshold")}
          />
        </div>
      </Container>
      {items.map((it, i) => (
        <Container key={i} className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-4">
          <Heading level="h2" className="md:col-span-4">
            Artículo {i + 1}
          </Heading>
          <Field id={`it-${i}-code`} label="Clave" value={it.code} onChange={setItem(i, "code")} />
          <Field id={`it-${i}-name`} label="Nombre" value={it.name} onChange={setItem(i, "name")} />
          <Field id={`it-${i}-unspsc`} label="Código UNSPSC" value={it.unspsc_code} onChange={setItem(i, "unspsc_code")} />
          <Field id={`it-${i}-unit`} label="Clave de unidad SAT" value={it.sat_clave_unidad} onChange={setItem(i, "sat_clave_unidad")} />
          <Field id={`it-${i}-price`} label="Precio techo sin IVA (MXN)" value={it.ceiling_price} onChange={setItem(i, "ceiling_price")} />
          <div className="flex flex-col gap-1">
            <Label id={`it-${i}-iva-label`}>IVA</Label>
            <Select value={it.iva_treatment} onValueChange={setItem(i, "iva_treatment")}>
              <Select.Trigger aria-labelledby={`it-${i}-iva-label`}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="tasa_16">16 %</Select.Item>
                <Select.Item value="tasa_0">0 %</Select.Item>
                <Select.Item value="exento">Exento</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <Field
            id={`it-${i}-states`}
            label="Entidades de entrega (claves, p. ej. CMX, JAL)"
            value={it.delivery_states}
            onChange={setItem(i, "delivery_states")}
          />
          <div className="flex items-end">
            {items.length > 1 && (
              <Button variant="transparent" size="small" onClick={() => setItems(items.filter((_, j) => j !== i))}>
                Quitar artículo {i + 1}
              </Button>
            )}
          </div>
          <div className="flex flex-col gap-1 md:col-span-4">
            <Label htmlFor={`it-${i}-description`}>Descripción técnica</Label>
            <Textarea
              id={`it-${i}-description`}
              rows={2}
              value={it.description}
              onChange={(e) => setItem(i, "description")(e.target.value)}
            />
          </div>
        </Container>
      ))}
      <Container className="flex flex-wrap items-center gap-3 px-6 py-4">
        <Button variant="secondary" onClick={() => setItems([...items, emptyItem()])}>
          Agregar artículo
        </Button>
        <Button onClick={save} isLoading={saving}>
          Registrar borrador
        </Button>
        {error && (
          <Text className="text-ui-fg-error" role="alert">
            {error}
          </Text>
        )}
      </Container>
    </div>
  )
}

export default NewFrameworkContractPage
