import { Button, Checkbox, Drawer, Heading, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { ROLES } from "../../access/roles"
import { adminGet, adminSend, changedFields } from "../lib/api"
import { SelectField, TextField } from "./field"

export type PersonRow = {
  id: string
  full_name: string
  email: string
  rfc: string
  position: string | null
  is_active: boolean
  organization: { id: string; legal_name: string; kind: string } | null
  role_assignments: { id: string; role: string; valid_until: string | null; unit: { code: string; name: string } | null }[]
}
type Org = { id: string; legal_name: string; kind: string; units?: { id: string; code: string; name: string }[] }

const blank = { organization_id: "", full_name: "", email: "", rfc: "", position: "", password: "", role: "", unit_id: "" }

/**
 * Registers a person with a first role (the login is created with them) or
 * edits a person's name, position and whether they may log in. E-mail and
 * RFC identify the account and are not editable; roles are granted and ended
 * in the role matrix.
 */
export const PersonDrawer = ({ person, onSaved }: { person?: PersonRow; onSaved: () => void }) => {
  const editing = !!person
  const initial = person ? { full_name: person.full_name, position: person.position ?? "" } : blank
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<Record<string, string>>(initial)
  const [active, setActive] = useState(person?.is_active ?? true)
  const [orgs, setOrgs] = useState<Org[]>([])
  const [units, setUnits] = useState<Org["units"]>([])
  const [error, setError] = useState<string | null>(null)
  const set = (k: string) => (v: string) => setForm({ ...form, [k]: v })
  const id = (k: string) => `person-${person?.id ?? "new"}-${k}`

  useEffect(() => {
    if (open && !editing) {
      adminGet<{ organizations: Org[] }>("/admin/organizations?limit=200&fields=id,legal_name,kind")
        .then((r) => setOrgs(r.organizations))
        .catch(() => setOrgs([]))
    }
  }, [open, editing])
  useEffect(() => {
    if (form.organization_id) {
      adminGet<{ organization: Org }>(`/admin/organizations/${form.organization_id}`)
        .then((r) => setUnits(r.organization.units ?? []))
        .catch(() => setUnits([]))
    }
  }, [form.organization_id])

  const org = orgs.find((o) => o.id === form.organization_id)
  const roles = ROLES.filter((r) => !org || r.organization_kind === org.kind || r.organization_kind === "any")
  const role = ROLES.find((r) => r.code === form.role)

  const save = async () => {
    setError(null)
    try {
      if (editing) {
        const changes: Record<string, unknown> = changedFields(initial, form)
        if (active !== person.is_active) {
          changes.is_active = active
        }
        if (Object.keys(changes).length === 0) {
          setOpen(false)
          return
        }
        await adminSend(`/admin/people/${person.id}`, { method: "POST", body: changes })
        toast.success("Datos de la persona actualizados")
      } else {
        const { role: code, unit_id, position, ...rest } = form
        await adminSend("/admin/people", {
          method: "POST",
          body: { ...rest, ...(position ? { position } : {}), roles: [{ role: code, ...(unit_id ? { unit_id } : {}) }] },
        })
        toast.success("Persona registrada: ya puede iniciar sesión")
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
        <Button size="small" variant="secondary" aria-label={editing ? `Editar ${person.full_name}` : undefined}>
          {editing ? "Editar" : "Nueva persona"}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{editing ? `Editar ${person.full_name}` : "Registrar persona"}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-3 overflow-y-auto">
          {editing ? (
            <Text size="small" className="text-ui-fg-subtle">
              {person.email} · RFC {person.rfc} · {person.organization?.legal_name}. El correo y el RFC identifican la cuenta y no se
              editan.
            </Text>
          ) : (
            <>
              <SelectField
                id={id("org")}
                label="Organización"
                value={form.organization_id}
                onChange={set("organization_id")}
                options={orgs.map((o) => ({ value: o.id, label: o.legal_name }))}
              />
              <TextField id={id("email")} label="Correo (usuario)" type="email" value={form.email} onChange={set("email")} required />
              <TextField id={id("rfc")} label="RFC (persona física)" value={form.rfc} onChange={set("rfc")} required />
              <TextField
                id={id("password")}
                label="Contraseña inicial (12 caracteres o más)"
                type="password"
                value={form.password}
                onChange={set("password")}
                required
              />
              <SelectField
                id={id("role")}
                label="Rol"
                value={form.role}
                onChange={set("role")}
                options={roles.map((r) => ({ value: r.code, label: r.label_es }))}
              />
              {role?.unit_scoped && (
                <SelectField
                  id={id("unit")}
                  label="Unidad"
                  value={form.unit_id}
                  onChange={set("unit_id")}
                  options={(units ?? []).map((u) => ({ value: u.id, label: `${u.code} · ${u.name}` }))}
                />
              )}
            </>
          )}
          <TextField id={id("name")} label="Nombre completo" value={form.full_name} onChange={set("full_name")} required />
          <TextField id={id("position")} label="Cargo" value={form.position} onChange={set("position")} />
          {editing && (
            <div className="flex items-center gap-2">
              <Checkbox id={id("active")} checked={active} onCheckedChange={(v) => setActive(v === true)} />
              <Label htmlFor={id("active")}>Puede iniciar sesión (al desactivarla, sus sesiones terminan de inmediato)</Label>
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
