import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  changeContractStatusWorkflow,
  createFrameworkContractWorkflow,
  createSanctionsWorkflow,
  enrolSuppliersWorkflow,
  enrolUnitsWorkflow,
  importClassifierWorkflow,
  reviewOfferRequestWorkflow,
  setCrosswalkWorkflow,
  submitOfferRequestWorkflow,
  syncStoreProductsWorkflow,
} from "@tienda/framework-contracts/workflows"
import { CLEANING, OFFICE, UPPER_LEVELS, type CuratedCommodity } from "../fixtures/catalog"
import { SUPPLIERS } from "../fixtures/suppliers"
import { makeRfc } from "../rfc"

const STATES = ["CMX", "MEX", "JAL", "NLE", "PUE", "SON"]
const PARTIDAS: Record<string, string> = {
  "21101": "Materiales y útiles de oficina",
  "21401": "Materiales y útiles consumibles para el procesamiento en equipos y bienes informáticos",
  "21601": "Material de limpieza",
  "22104": "Productos alimenticios para el personal en las instalaciones de las dependencias y entidades",
}

/** Deterministic 0..1 from a string, so every run seeds the same prices. */
function unit(s: string) {
  let h = 2166136261
  for (const ch of s) {
    h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  }
  return ((h >>> 0) % 10000) / 10000
}

/** Ceiling in exact centavos as a decimal string. */
function money(centavos: number) {
  return `${Math.floor(centavos / 100)}.${String(centavos % 100).padStart(2, "0")}`
}

async function ids(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orgs } = await query.graph({ entity: "organization", fields: ["id", "rfc", "kind", "units.id", "units.kind"] })
  const byRfc = new Map(orgs.map((o) => [o.rfc as string, o]))
  return { query, orgs, byRfc }
}

function contractInput(number: string, title: string, commodities: CuratedCommodity[], lots: [number, string, CuratedCommodity[]][]) {
  void commodities
  return {
    number,
    title,
    legal_basis: "Artículos 17 de la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público y 14 de su Reglamento",
    valid_from: "2026-01-01",
    valid_until: "2027-12-31",
    min_amount: "5000000.00",
    max_amount: "250000000.00",
    recorded_by: "seed",
    lots: lots.map(([n, lotTitle, group]) => ({
      number: n,
      title: lotTitle,
      competition_threshold: "300000.00",
      min_invitees: 3,
      bid_window_business_days: 5,
      items: group.flatMap((c, ci) =>
        c.variants.map((name, vi) => ({
          code: `${number.split("-").pop()}-${String(n).padStart(2, "0")}${String(ci + 1).padStart(2, "0")}${String(vi + 1).padStart(2, "0")}`,
          name,
          description: `${name}. Clasificación UNSPSC ${c.code} (${c.es}); partida ${c.partida}.`,
          unspsc_code: c.code,
          sat_clave_unidad: c.unit,
          ceiling_price: money(Math.round(c.base * 100 * (0.9 + unit(name) * 0.5))),
          delivery_states: STATES,
        })),
      ),
    })),
  }
}

/**
 * Classifier subset and crosswalk, the office-supplies framework contract
 * (21 categories, 210 items) and the cleaning one, enrolments, approved
 * offers with realistic spreads, one pending price change, and the
 * sanction and expired enrolment the supplier fixtures describe.
 */
export async function seedFrameworkContracts({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { query, byRfc, orgs } = await ids(container)
  const all = [...OFFICE, ...CLEANING]
  await importClassifierWorkflow(container).run({
    input: {
      version: "UNSPSC-demo",
      rows: [
        ...UPPER_LEVELS.map(([code, es, en]) => ({
          code,
          level: (code.endsWith("000000") ? "segment" : code.endsWith("0000") ? "family" : "class") as "segment" | "family" | "class",
          parent_code: code.endsWith("000000") ? null : code.endsWith("0000") ? `${code.slice(0, 2)}000000` : `${code.slice(0, 4)}0000`,
          title_es: es,
          title_en: en,
        })),
        ...all.map((c) => ({
          code: c.code,
          level: "commodity" as const,
          parent_code: `${c.code.slice(0, 6)}00`,
          title_es: c.es,
          title_en: c.en,
        })),
      ],
    },
  })
  const { data: crosswalk } = await query.graph({ entity: "cog_crosswalk", fields: ["unspsc_code"], filters: { valid_until: null } })
  for (const c of all.filter((x) => !crosswalk.some((w) => w.unspsc_code === x.code))) {
    await setCrosswalkWorkflow(container).run({
      input: {
        unspsc_code: c.code,
        partida: c.partida,
        partida_title: PARTIDAS[c.partida],
        changed_by: "seed",
        at: "2026-01-01T00:00:00Z",
      },
    })
  }

  const contracts = [
    contractInput("CM-SHCP-2026-0001", "Contrato marco para la adquisición de materiales y útiles de oficina", OFFICE, [
      [1, "Papelería y útiles de escritorio", OFFICE.slice(0, 12)],
      [2, "Consumibles de impresión", OFFICE.slice(12, 14)],
      [3, "Archivo, correspondencia y cafetería", OFFICE.slice(14)],
    ]),
    contractInput("CM-SHCP-2026-0002", "Contrato marco para la adquisición de artículos de limpieza y agua purificada", CLEANING, [
      [1, "Artículos de limpieza", CLEANING.slice(0, 4)],
      [2, "Agua purificada", CLEANING.slice(4)],
    ]),
  ]
  const supplierOrgs = SUPPLIERS.map((s) => ({ fixture: s, org: byRfc.get(makeRfc(...s.rfc)) })).filter((x) => x.org)
  const agencyUnits = orgs
    .filter((o) => o.kind === "agency")
    .flatMap((o) => (o.units ?? []) as ({ id: string; kind: string } | null)[])
    .filter((u): u is { id: string; kind: string } => !!u && ["requiring_area", "purchasing_unit"].includes(u.kind))
    .map((u) => u.id)

  let offersCreated = 0
  const started = Date.now()
  for (const input of contracts) {
    const { data: existing } = await query.graph({
      entity: "framework_contract",
      fields: ["id", "status"],
      filters: { number: input.number },
    })
    let contractId = existing[0]?.id
    if (!contractId) {
      const { result } = await createFrameworkContractWorkflow(container).run({ input })
      contractId = result.id
      const regular = supplierOrgs.filter((s) => !s.fixture.demo?.enrolment_expired_on)
      await enrolSuppliersWorkflow(container).run({
        input: { contract_id: contractId, supplier_ids: regular.map((s) => s.org!.id), valid_from: "2026-01-01", recorded_by: "seed" },
      })
      const expired = supplierOrgs.filter((s) => s.fixture.demo?.enrolment_expired_on)
      if (expired.length) {
        await enrolSuppliersWorkflow(container).run({
          input: {
            contract_id: contractId,
            supplier_ids: expired.map((s) => s.org!.id),
            valid_from: "2026-01-01",
            valid_until: expired[0].fixture.demo!.enrolment_expired_on!,
            recorded_by: "seed",
          },
        })
      }
      await enrolUnitsWorkflow(container).run({ input: { contract_id: contractId, unit_ids: agencyUnits, recorded_by: "seed" } })
      await changeContractStatusWorkflow(container).run({ input: { contract_id: contractId, status: "published", recorded_by: "seed" } })
    }
    const { data: items } = await query.graph({
      entity: "framework_item",
      fields: ["id", "code", "ceiling_price", "offers.supplier_id", "lot.contract_id"],
      filters: {
        lot_id: (await query.graph({ entity: "framework_lot", fields: ["id"], filters: { contract_id: contractId } })).data.map(
          (l) => l.id,
        ),
      },
    })
    const eligible = supplierOrgs.filter((s) => !s.fixture.demo?.enrolment_expired_on)
    for (const item of items) {
      const n = Number(item.code.slice(-4)) % eligible.length
      const picks = [0, 7, 13].map((k) => eligible[(n + k) % eligible.length])
      for (const s of picks) {
        if ((item.offers as ({ supplier_id: string } | null)[] | undefined)?.some((o) => o?.supplier_id === s.org!.id)) {
          continue
        }
        const ceiling = Math.round(Number(item.ceiling_price) * 100)
        const price = money(Math.round(ceiling * (0.78 + unit(`${item.code}:${s.fixture.key}`) * 0.21)))
        const days = Object.fromEntries(
          STATES.map((st) => [st, st === s.org!.state_code ? 2 : 3 + Math.floor(unit(`${st}${s.fixture.key}`) * 6)]),
        )
        const { result } = await submitOfferRequestWorkflow(container).run({
          input: {
            supplier_id: s.org!.id,
            item_id: item.id,
            price,
            min_order_qty: 1,
            delivery_days: days,
            stock: 50 + Math.floor(unit(item.id) * 500),
            requested_by: "seed",
          },
        })
        await reviewOfferRequestWorkflow(container).run({
          input: { request_id: result.id, decision: "approve", reviewer: "seed", at: "2026-01-15T00:00:00Z", bulk_load: true },
        })
        offersCreated++
      }
    }
  }

  logger.info(`seed: ${offersCreated} offers requested and approved in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  // the approved offers enter Medusa's store in one batch
  if (offersCreated) {
    const { data: contracts } = await query.graph({ entity: "framework_contract", fields: ["id"] })
    await syncStoreProductsWorkflow(container).run({ input: { contract_ids: contracts.map((c) => c.id as string) } })
  }

  // one pending price change, for the review queue
  const { data: pending } = await query.graph({ entity: "offer_request", fields: ["id"], filters: { status: "pending" } })
  if (!pending.length) {
    const first = supplierOrgs[0]
    const { data: offers } = await query.graph({
      entity: "offer",
      fields: ["id", "item_id", "price", "delivery_days"],
      filters: { supplier_id: first.org!.id },
    })
    if (offers[0]) {
      const cents = Math.round(Number(offers[0].price) * 100 * 0.97)
      await submitOfferRequestWorkflow(container).run({
        input: {
          supplier_id: first.org!.id,
          item_id: offers[0].item_id as string,
          price: money(cents),
          min_order_qty: 1,
          delivery_days: offers[0].delivery_days as Record<string, number>,
          requested_by: "seed",
        },
      })
    }
  }

  const sanctioned = SUPPLIERS.filter((s) => s.demo?.sanction)
  await createSanctionsWorkflow(container).run({
    input: {
      sanctions: sanctioned.map((s) => ({
        supplier_rfc: makeRfc(...s.rfc),
        supplier_name: s.legal_name,
        type: s.demo!.sanction!.type,
        authority: s.demo!.sanction!.authority,
        starts_on: s.demo!.sanction!.starts,
        ends_on: s.demo!.sanction!.ends,
        reason: s.demo!.sanction!.reason,
        source: "seed",
      })),
    },
  })
  logger.info(`seed: framework contracts ready (${offersCreated} new offers)`)
}
