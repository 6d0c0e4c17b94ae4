import { Input, Label, Select } from "@medusajs/ui"

/** A labelled text input. */
export const TextField = ({
  id,
  label,
  value,
  onChange,
  type = "text",
  required,
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  type?: string
  required?: boolean
}) => (
  <div className="flex flex-col gap-1">
    <Label htmlFor={id}>
      {label}
      {required ? " *" : ""}
    </Label>
    <Input id={id} type={type} value={value} required={required} onChange={(e) => onChange(e.target.value)} />
  </div>
)

/** A labelled select; "" is "none". */
export const SelectField = ({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  options: readonly { value: string; label: string }[]
}) => (
  <div className="flex flex-col gap-1">
    <Label id={`${id}-label`}>{label}</Label>
    <Select value={value || "none"} onValueChange={(v) => onChange(v === "none" ? "" : v)}>
      <Select.Trigger id={id} aria-labelledby={`${id}-label`}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value="none">—</Select.Item>
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
