import { Button, Checkbox, Drawer, Heading, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { ESTADOS_MX, REGIMENES_FISCALES } from "../../access/sat-catalogs.generated"
import { adminSend, changedFields } from "../lib/api"
import { SelectField, TextField } from "./field"

export type OrganizationRow = {
  id: string
  kind: "shcp" | "agency" | "supplier" | "civil_society"
  rfc: string
  legal_name: string
  short_name?: string | null
  state_code: string | null
  sme_size: string | null
  email?: string | null
  phone?: string | null
  is_active: boolean
}

const STATES = ESTADOS_MX.map((e) => ({ value: e.id, label: e.texto }))
const SIZES = [
  { value: "micro", label: "Micro" },
  { value: "pequena", label: "Pequeña" },
  { value: "mediana", label: "Mediana" },
  { value: "grande", label: "Grande" },
]
const KINDS = [
  { value: "agency", label: "Dependencia / entidad" },
  { value: "supplier", label: "Proveedor" },
  { value: "civil_society", label: "Sociedad civil" },
]

const blank = {
  kind: "supplier",
  rfc: "",
  legal_name: "",
  short_name: "",
  regimen_fiscal: "",
  codigo_postal: "",
  state_code: "",
  sme_size: "",
  email: "",
  phone: "",
}

/**
 * Registers a new organization (RFC and fiscal data validated by the API) or
 * edits one's registry data (RFC and fiscal data are not editable: they must
 * match SAT's records).
 */
export const OrganizationDrawer = ({ organization, onSaved }: { organization?: OrganizationRow; onSaved: () => void }) => {
  const editing = !!organization
  const initial = organization
    ? {
        legal_name: organization.legal_name,
        short_name: organization.short_name ?? "",
        state_code: organization.state_code ?? "",
        sme_size: organization.sme_size ?? "",
        email: organization.email ?? "",
        phone: organization.phone ?? "",
      }
    : blank
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<Record<string, string>>(initial)
  const [active, setActive] = useState(organization?.is_active ?? true)
  const [error, setError] = useState<string | null>(null)
  const set = (k: string) => (v: string) => setForm({ ...form, [k]: v })
  const id = (k: string) => `org-${organization?.id ?? "new"}-${k}`
  const regimes = REGIMENES_FISCALES.filter((r) => !r.vigencia_hasta).map((r) => ({ value: r.id, label: `${r.id} · ${r.texto}` }))

  const save = async () => {
    setError(null)
    try {
      if (editing) {
        const changes: Record<string, unknown> = changedFields(initial, form)
        if (active !== organization.is_active) {
          changes.is_active = active
        }
        if (Object.keys(changes).length === 0) {
          setOpen(false)
          return
        }
        await adminSend(`/admin/organizations/${organization.id}`, { method: "POST", body: changes })
        toast.success("Organización actualizada")
      } else {
        const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ""))
        await adminSend("/admin/organizations", { method: "POST", body })
        toast.success("Organización registrada")
        setForm(blank)
      }
      setOpen(false)
      onSaved()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" aria-label={editing ? `Editar ${organization.legal_name}` : undefined}>
          {editing ? "Editar" : "Nueva organización"}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{editing ? `Editar ${organization.legal_name}` : "Registrar organización"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-3 overflow-y-auto">
          {editing ? (
            <Text size="small" className="text-ui-fg-subtle">
              RFC {organization.rfc}. El RFC y los datos fiscales no se editan: deben coincidir con el SAT.
            </Text>
          ) : (
            <>
              <SelectField id={id("kind")} label="Tipo" value={form.kind} onChange={set("kind")} options={KINDS} />
              <TextField id={id("rfc")} label="RFC" value={form.rfc} onChange={set("rfc")} required />
              <SelectField
                id={id("regimen")}
                label="Régimen fiscal"
                value={form.regimen_fiscal}
                onChange={set("regimen_fiscal")}
                options={regimes}
              />
              <TextField id={id("cp")} label="Código postal fiscal" value={form.codigo_postal} onChange={set("codigo_postal")} required />
            </>
          )}
          <TextField id={id("legal_name")} label="Razón social" value={form.legal_name} onChange={set("legal_name")} required />
          <TextField id={id("short_name")} label="Nombre corto" value={form.short_name} onChange={set("short_name")} />
          <SelectField id={id("state")} label="Entidad federativa" value={form.state_code} onChange={set("state_code")} options={STATES} />
          <SelectField id={id("size")} label="Tamaño (MIPYME)" value={form.sme_size} onChange={set("sme_size")} options={SIZES} />
          <TextField id={id("email")} label="Correo de contacto" type="email" value={form.email} onChange={set("email")} />
          <TextField id={id("phone")} label="Teléfono" value={form.phone} onChange={set("phone")} />
          {editing && organization.kind !== "shcp" && (
            <div className="flex items-center gap-2">
              <Checkbox id={id("active")} checked={active} onCheckedChange={(v) => setActive(v === true)} />
              <Label htmlFor={id("active")}>Activa en el padrón (sus personas pueden iniciar sesión)</Label>
            </div>
          )}
          {error && (
            <Text className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary">Cancelar</Button>
          </Drawer.Close>
          <Button onClick={save}>{editing ? "Guardar cambios" : "Registrar"}</Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
