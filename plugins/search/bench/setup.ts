import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { FRAMEWORK_CONTRACT_MODULE, type FrameworkContractModuleService } from "@tienda/framework-contracts/modules/framework_contract"
import { importClassifierWorkflow, setCrosswalkWorkflow } from "@tienda/framework-contracts/workflows"
import { createOrganizationWorkflow, createPersonWorkflow } from "@tienda/organizations/workflows"
import { reindexCatalog } from "@tienda/search/indexing/index"
import { CLEANING, OFFICE, UPPER_LEVELS } from "../../../seed/src/fixtures/catalog"
import { SUPPLIERS } from "../../../seed/src/fixtures/suppliers"
import { makeRfc } from "../../../seed/src/rfc"
import { seedStore } from "../../../seed/src/steps/store"

/**
 * Synthetic catalog for `npm run bench:search` (run with `medusa exec`):
 * BENCH_ITEMS framework items with names built from the demo classifier's
 * curated variants, 3 offers each, in published contracts of 10,000 items;
 * one Medusa product per item in the store's sales channel (for the stock
 * /store/products?q= comparison); the search index. Bulk data goes through
 * the module services (no events), the world through workflows.
 * Writes ids and the login to BENCH_OUTPUT.
 */
const ITEMS = Number(process.env.BENCH_ITEMS || 10000)
const PER_CONTRACT = 10000
const PER_LOT = 2000
const STATES = ["CMX", "MEX", "JAL", "NLE", "PUE", "SON"]
const MODIFIERS = [
  "",
  "ecológico",
  "uso rudo",
  "línea profesional",
  "presentación económica",
  "alta calidad",
  "reciclado",
  "importado",
  "nacional",
  "para archivo",
  "institucional",
  "premium",
  "escolar",
  "de oficina",
  "mayoreo",
  "paquete ahorro",
  "edición ejecutiva",
  "resistente",
  "multiusos",
  "compacto",
]
const PACKS = [
  "",
  "paquete con 2",
  "paquete con 3",
  "paquete con 5",
  "paquete con 6",
  "paquete con 10",
  "caja master",
  "granel",
  "exhibidor",
  "pieza",
  "juego",
  "estuche",
  "bolsa",
  "blíster",
  "tira",
  "display",
  "kit",
  "lote",
  "charola",
  "cubeta",
]

const log = (m: string) => process.stdout.write(`${m}\n`)
function progress(label: string, done: number, total: number) {
  const pct = Math.round((done / total) * 100)
  process.stdout.write(`  ${label}: ${done}/${total} (${pct}%)\n`)
}

function rand(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0
    return s / 2 ** 32
  }
}

export default async function setup(args: ExecArgs) {
  const { container } = args
  const t0 = Date.now()
  const store = await seedStore(args)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fc = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)

  // world: one agency with a requiring unit and its buyer; six suppliers
  const { result: agency } = await createOrganizationWorkflow(container).run({
    input: {
      kind: "agency",
      rfc: "BEN630502CU2",
      legal_name: "Dependencia de Pruebas de Carga",
      regimen_fiscal: "603",
      codigo_postal: "06600",
      units: [{ code: "BUS-AR01", name: "Área Requirente", kind: "requiring_area", state_code: "CMX", codigo_postal: "06600" }],
    },
  })
  const { data: units } = await query.graph({ entity: "organization_unit", fields: ["id"], filters: { code: "BUS-AR01" } })
  const email = "compras@busqueda.prueba.gob.mx"
  await createPersonWorkflow(container).run({
    input: {
      organization_id: agency.id,
      full_name: "Comprador de Pruebas",
      email,
      rfc: "PEPA800101AB1",
      password: "Prueba-Segura-2026",
      roles: [{ role: "requiring_unit", unit_id: units[0].id }],
    },
  })
  const suppliers: string[] = []
  for (const s of SUPPLIERS.filter((x) => !x.demo).slice(0, 6)) {
    const { result } = await createOrganizationWorkflow(container).run({
      input: {
        kind: "supplier",
        rfc: makeRfc(...s.rfc),
        legal_name: s.legal_name,
        regimen_fiscal: s.regimen_fiscal,
        codigo_postal: s.codigo_postal,
        state_code: s.state_code,
        sme_size: s.sme_size,
      } as never,
    })
    suppliers.push(result.id)
  }

  // classifier and crosswalk of the demo catalog
  const commodities = [...OFFICE, ...CLEANING]
  await importClassifierWorkflow(container).run({
    input: {
      version: "UNSPSC-bench",
      rows: [
        ...UPPER_LEVELS.map(([code, es, en]) => ({
          code,
          level: (code.endsWith("000000") ? "segment" : code.endsWith("0000") ? "family" : "class") as "segment" | "family" | "class",
          parent_code: code.endsWith("000000") ? null : code.endsWith("0000") ? `${code.slice(0, 2)}000000` : `${code.slice(0, 4)}0000`,
          title_es: es,
          title_en: en,
        })),
        ...commodities.map((c) => ({
          code: c.code,
          level: "commodity" as const,
          parent_code: `${c.code.slice(0, 6)}00`,
          title_es: c.es,
          title_en: c.en,
        })),
      ],
    },
  })
  for (const c of commodities) {
    await setCrosswalkWorkflow(container).run({
      input: {
        unspsc_code: c.code,
        partida: c.partida,
        partida_title: `Partida ${c.partida}`,
        changed_by: "bench",
        at: "2026-01-01T00:00:00Z",
      },
    })
  }
  log(`world ready (${((Date.now() - t0) / 1000).toFixed(1)} s)`)

  // items: variant × modifier × pack, deterministic
  const bases = commodities.flatMap((c) => c.variants.map((v) => ({ c, v })))
  const random = rand(42)
  const items: {
    contract: number
    lot: number
    code: string
    name: string
    description: string
    unspsc: string
    partida: string
    unit: string
    ceiling: number
  }[] = []
  for (let i = 0; i < ITEMS; i++) {
    const { c, v } = bases[i % bases.length]
    const k = Math.floor(i / bases.length)
    const mod = MODIFIERS[k % MODIFIERS.length]
    const pack = PACKS[Math.floor(k / MODIFIERS.length) % PACKS.length]
    const name = [v, mod, pack].filter(Boolean).join(", ") + (k >= MODIFIERS.length * PACKS.length ? ` (modelo ${k})` : "")
    items.push({
      contract: Math.floor(i / PER_CONTRACT),
      lot: Math.floor((i % PER_CONTRACT) / PER_LOT),
      code: `B${String(i).padStart(6, "0")}`,
      name,
      description: `${name}. Clasificación UNSPSC ${c.code} (${c.es}); partida ${c.partida}.`,
      unspsc: c.code,
      partida: c.partida,
      unit: c.unit,
      ceiling: Math.round(c.base * 100 * (0.9 + random() * 0.6)),
    })
  }

  const contracts = Math.ceil(ITEMS / PER_CONTRACT)
  let created = 0
  const itemIds: string[] = []
  for (let n = 0; n < contracts; n++) {
    const [contract] = (await fc.createFrameworkContracts([
      {
        number: `CM-BENCH-2026-${String(n + 1).padStart(3, "0")}`,
        title: `Contrato marco sintético ${n + 1} de materiales de oficina, limpieza y cafetería`,
        legal_basis: "Art. 17 LAASSP",
        valid_from: new Date("2026-01-01"),
        valid_until: new Date("2030-12-31"),
        status: "published",
        min_amount: 1000000,
        max_amount: 900000000,
      },
    ] as never)) as unknown as { id: string }[]
    await fc.createSupplierEnrolments(
      suppliers.map((s) => ({ contract_id: contract.id, supplier_id: s, valid_from: new Date("2026-01-01"), status: "active" })) as never,
    )
    await fc.createUnitEnrolments([{ contract_id: contract.id, organization_id: agency.id, unit_id: units[0].id }] as never)
    const mine = items.filter((x) => x.contract === n)
    const lots = [...new Set(mine.map((x) => x.lot))]
    for (const l of lots) {
      const [lot] = (await fc.createFrameworkLots([
        { contract_id: contract.id, number: l + 1, title: `Lote ${l + 1}`, competition_threshold: 300000 },
      ] as never)) as unknown as { id: string }[]
      const rows = mine.filter((x) => x.lot === l)
      const made = (await fc.createFrameworkItems(
        rows.map((x) => ({
          lot_id: lot.id,
          code: x.code,
          name: x.name,
          description: x.description,
          unspsc_code: x.unspsc,
          cog_partida: x.partida,
          sat_clave_unidad: x.unit,
          ceiling_price: x.ceiling / 100,
          delivery_states: STATES,
        })) as never,
      )) as unknown as { id: string; code: string; ceiling_price: number }[]
      const offers = made.flatMap((it, j) =>
        [0, 2, 4].map((k) => {
          const s = suppliers[(j + k) % suppliers.length]
          const cents = Math.round(Number(it.ceiling_price) * 100 * (0.78 + random() * 0.21))
          return {
            item_id: it.id,
            supplier_id: s,
            price: cents / 100,
            min_order_qty: 1,
            delivery_days: Object.fromEntries(STATES.map((st) => [st, 2 + Math.floor(random() * 7)])),
            stock: 100,
            status: "active",
          }
        }),
      )
      await fc.createOffers(offers as never)
      itemIds.push(...made.map((m) => m.id))
      created += made.length
      progress("framework items + 3 offers each", created, ITEMS)
    }
  }

  // Medusa products (stock /store/products?q= comparison) in the store's sales channel;
  // BENCH_STOCK_PRODUCTS=0 skips them (the long-tail bench does not query stock search)
  const products = container.resolve(Modules.PRODUCT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const withProducts = process.env.BENCH_STOCK_PRODUCTS !== "0"
  for (let i = 0; withProducts && i < items.length; i += 1000) {
    const batch = items.slice(i, i + 1000)
    const made = await products.createProducts(
      batch.map((x) => ({
        title: x.name,
        handle: x.code.toLowerCase(),
        description: x.description,
        status: "published" as const,
      })),
    )
    await link.create(
      made.map((p) => ({ [Modules.PRODUCT]: { product_id: p.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: store.sales_channel_id } })),
    )
    progress("Medusa products", Math.min(i + 1000, items.length), items.length)
  }

  const t1 = Date.now()
  const r = await reindexCatalog(container, {
    batchSize: 1000,
    onProgress: (p) => p.done % 10000 === 0 && progress("search index", p.done, p.total),
  })
  log(`search index: ${r.indexed} documents in ${((Date.now() - t1) / 1000).toFixed(1)} s`)
  writeFileSync(
    process.env.BENCH_OUTPUT as string,
    JSON.stringify({
      publishable: store.publishable_key,
      email,
      password: "Prueba-Segura-2026",
      items: ITEMS,
      generation_s: (Date.now() - t0) / 1000,
      index_s: (Date.now() - t1) / 1000,
    }),
  )
}
