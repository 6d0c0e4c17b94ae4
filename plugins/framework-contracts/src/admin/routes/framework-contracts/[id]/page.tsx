import { Badge, Button, Container, Heading, Input, Label, Table, Text, usePrompt } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { useParams } from "react-router-dom"
import { adminFetch } from "../../../lib/api"
import { EnrolmentForms } from "./enrolment-forms"

type Item = {
  id: string
  code: string
  name: string
  unspsc_code: string
  cog_partida: string
  sat_clave_unidad: string
  ceiling_price: string | number
  iva_treatment: string
  delivery_states: string[]
}
type Lot = {
  id: string
  number: number
  title: string
  competition_threshold: string | number
  min_invitees: number
  bid_window_business_days: number
  items: Item[]
}
export type Ficha = {
  id: string
  number: string
  title: string
  legal_basis: string
  status: "draft" | "published" | "suspended" | "expired"
  valid_from: string
  valid_until: string
  min_amount: string | number
  max_amount: string | number
  version: number
  as_of?: string
  lots: Lot[]
  supplier_enrolments: { supplier_id: string; status: string; valid_from: string; valid_until: string | null }[]
  unit_enrolments: { organization_id: string; unit_id: string }[]
}

const STATUS_LABEL: Record<Ficha["status"], string> = {
  draft: "Borrador",
  published: "Publicado",
  suspended: "Suspendido",
  expired: "Vencido",
}
/** What each transition does, said before it is confirmed. */
const CONSEQUENCE: Record<Exclude<Ficha["status"], "draft">, string> = {
  published: "Las dependencias adheridas podrán comprar sus artículos en la tienda.",
  suspended: "Sus ofertas salen de la tienda y de los carritos hasta que se reanude; las requisiciones en curso no podrán continuar.",
  expired: "Es irreversible: el contrato marco deja de estar vigente para siempre y sus ofertas salen de la tienda.",
}

/** Transitions the Master Contract Administrator may make from each status. */
const NEXT: Record<Ficha["status"], { status: Exclude<Ficha["status"], "draft">; label: string }[]> = {
  draft: [{ status: "published", label: "Publicar" }],
  published: [
    { status: "suspended", label: "Suspender" },
    { status: "expired", label: "Dar por vencido" },
  ],
  suspended: [
    { status: "published", label: "Reanudar" },
    { status: "expired", label: "Dar por vencido" },
  ],
  expired: [],
}
const IVA: Record<string, string> = { tasa_16: "16 %", tasa_0: "0 %", exento: "Exento" }
const money = (v: string | number) => new Intl.NumberFormat("es-MX", { style: "currency", currency: "MXN" }).format(Number(v))
const date = (d: string) => new Date(d).toLocaleDateString("es-MX", { timeZone: "UTC" })

/**
 * The data sheet of one framework contract: lots and items, enrolled
 * suppliers and units, status actions, and the sheet as of any date.
 */
const FrameworkContractPage = () => {
  const { id } = useParams()
  const [ficha, setFicha] = useState<Ficha | null>(null)
  const [asOf, setAsOf] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const load = useCallback(() => {
    setError(null)
    adminFetch<{ framework_contract: Ficha }>(`/admin/framework-contracts/${id}${asOf ? `?as_of=${asOf}` : ""}`)
      .then((r) => setFicha(r.framework_contract))
      .catch((e: Error) => setError(e.message))
  }, [id, asOf])
  useEffect(load, [load])

  const prompt = usePrompt()

  const changeStatus = async (status: Exclude<Ficha["status"], "draft">, label: string) => {
    if (!ficha) {
      return
    }
    const irreversible = status === "expired"
    const confirmed = await prompt({
      title: `¿${label} el contrato marco ${ficha.number}?`,
      description: CONSEQUENCE[status],
      confirmText: label,
      cancelText: "Cancelar",
      variant: status === "published" ? "confirmation" : "danger",
      ...(irreversible
        ? { verificationText: ficha.number, verificationInstruction: "Para confirmar, escribe el número del contrato marco:" }
        : {}),
    })
    if (!confirmed) {
      return
    }
    try {
      await adminFetch(`/admin/framework-contracts/${id}/status`, { method: "POST", body: { status } })
      setNotice(`Estado cambiado a «${STATUS_LABEL[status]}».`)
      load()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  if (!ficha) {
    return (
      <Container>
        <Text role={error ? "alert" : "status"}>{error ?? "Cargando ficha…"}</Text>
      </Container>
    )
  }
  const historical = !!ficha.as_of
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-start justify-between px-6 py-4">
          <div>
            <Heading level="h1">
              {ficha.number} · {ficha.title}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {ficha.legal_basis} · Vigencia {date(ficha.valid_from)} – {date(ficha.valid_until)} · Monto {money(ficha.min_amount)} –{" "}
              {money(ficha.max_amount)} · Versión {ficha.version}
            </Text>
          </div>
          <Badge>{STATUS_LABEL[ficha.status]}</Badge>
        </div>
        <div className="flex flex-wrap items-end gap-3 px-6 py-4">
          <div>
            <Label htmlFor="as-of">Ver la ficha a la fecha</Label>
            <Input id="as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </div>
          {!historical &&
            NEXT[ficha.status].map((t) => (
              <Button
                key={t.status}
                variant={t.status === "expired" ? "danger" : "secondary"}
                onClick={() => changeStatus(t.status, t.label)}
                data-testid={`status-${t.status}`}
              >
                {t.label}
              </Button>
            ))}
        </div>
        {(error || notice) && (
          <Text className={`px-6 py-3 ${error ? "text-ui-fg-error" : ""}`} role={error ? "alert" : "status"}>
            {error ?? notice}
          </Text>
        )}
      </Container>

      {ficha.lots.map((lot) => (
        <Container key={lot.id} className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">
              Partida {lot.number}: {lot.title}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Segunda etapa a partir de {money(lot.competition_threshold)} · mínimo {lot.min_invitees} invitados ·{" "}
              {lot.bid_window_business_days} días hábiles para cotizar
            </Text>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Clave</Table.HeaderCell>
                <Table.HeaderCell>Artículo</Table.HeaderCell>
                <Table.HeaderCell>UNSPSC</Table.HeaderCell>
                <Table.HeaderCell>Partida COG</Table.HeaderCell>
                <Table.HeaderCell>Unidad SAT</Table.HeaderCell>
                <Table.HeaderCell>Precio techo</Table.HeaderCell>
                <Table.HeaderCell>IVA</Table.HeaderCell>
                <Table.HeaderCell>Entidades</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {lot.items.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell className="font-mono">{i.code}</Table.Cell>
                  <Table.Cell>{i.name}</Table.Cell>
                  <Table.Cell className="font-mono">{i.unspsc_code}</Table.Cell>
                  <Table.Cell className="font-mono">{i.cog_partida}</Table.Cell>
                  <Table.Cell className="font-mono">{i.sat_clave_unidad}</Table.Cell>
                  <Table.Cell>{money(i.ceiling_price)}</Table.Cell>
                  <Table.Cell>{IVA[i.iva_treatment] ?? i.iva_treatment}</Table.Cell>
                  <Table.Cell>{i.delivery_states.join(", ")}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
      ))}

      <EnrolmentForms ficha={ficha} readOnly={historical} onChanged={load} />
    </div>
  )
}

export default FrameworkContractPage
