import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { unspscAncestors } from "@tienda/framework-contracts/catalog/index"
import { FRAMEWORK_CONTRACT_MODULE, type FrameworkContractModuleService } from "@tienda/framework-contracts/modules/framework_contract"
import { toCents } from "../modules/catalog_search/documents"
import type { SearchDocumentInput } from "../modules/catalog_search/types"

const SME = new Set(["micro", "pequena", "mediana"])

type Contract = { id: string; number: string; title: string; status: string; unit_ids: string[] }
type Org = { legal_name: string; sme: boolean }
type Item = {
  id: string
  code: string
  name: string
  description: string
  unspsc_code: string
  cog_partida: string
  sat_clave_unidad: string
  ceiling_price: unknown
  lot: { id: string; number: number; title: string; contract_id?: string; contract?: { id: string } } | null
  offers?: { id: string; supplier_id: string; price: unknown; min_order_qty: number; delivery_days: unknown; status: string }[]
}

/**
 * Turns framework items into search documents: classification titles at the
 * four UNSPSC levels, COG partida, contract and lot, enrolled units and the
 * active offers with their suppliers. Caches contracts, titles and suppliers
 * across calls, so a full reindex reads each of them once.
 */
export class DocumentBuilder {
  private contracts = new Map<string, Contract | null>()
  private titles = new Map<string, string>()
  private partidas = new Map<string, string | null>()
  private orgs = new Map<string, Org | null>()

  constructor(private readonly container: MedusaContainer) {}

  private get fc() {
    return this.container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  }

  /** Documents for these items; ids that no longer exist are returned as `missing`. */
  async build(itemIds: string[]): Promise<{ docs: SearchDocumentInput[]; missing: string[] }> {
    if (!itemIds.length) {
      return { docs: [], missing: [] }
    }
    const items = (await this.fc.listFrameworkItems({ id: itemIds }, { take: null, relations: ["lot", "offers"] })) as unknown as Item[]
    const found = new Set(items.map((i) => i.id))
    const missing = itemIds.filter((id) => !found.has(id))
    const contractIdOf = (i: Item) => i.lot?.contract_id ?? i.lot?.contract?.id ?? ""
    await this.loadContracts([...new Set(items.map(contractIdOf))])
    await this.loadTitles([...new Set(items.flatMap((i) => [i.unspsc_code, ...unspscAncestors(i.unspsc_code)]))])
    await this.loadPartidas([...new Set(items.map((i) => i.unspsc_code))])
    await this.loadOrgs([...new Set(items.flatMap((i) => (i.offers ?? []).map((o) => o.supplier_id)))])
    const docs: SearchDocumentInput[] = []
    for (const item of items) {
      const contract = this.contracts.get(contractIdOf(item))
      if (!contract || !item.lot) {
        missing.push(item.id)
        continue
      }
      const [segment, family, klass] = unspscAncestors(item.unspsc_code)
      docs.push({
        id: item.id,
        code: item.code,
        name: item.name,
        description: item.description,
        unspsc_code: item.unspsc_code,
        commodity_title: this.titles.get(item.unspsc_code) ?? item.unspsc_code,
        segment_code: segment ?? "",
        segment_title: this.titles.get(segment) ?? segment ?? "",
        family_code: family ?? "",
        family_title: this.titles.get(family) ?? family ?? "",
        class_code: klass ?? "",
        class_title: this.titles.get(klass) ?? klass ?? "",
        cog_partida: item.cog_partida,
        cog_partida_title: this.partidas.get(item.unspsc_code) ?? null,
        sat_clave_unidad: item.sat_clave_unidad,
        ceiling_price: String(item.ceiling_price),
        contract_id: contract.id,
        contract_number: contract.number,
        contract_title: contract.title,
        contract_status: contract.status,
        lot_id: item.lot.id,
        lot_number: item.lot.number,
        lot_title: item.lot.title,
        unit_ids: contract.unit_ids,
        offers: (item.offers ?? [])
          .filter((o) => o.status === "active" && this.orgs.get(o.supplier_id))
          .map((o) => {
            const org = this.orgs.get(o.supplier_id)!
            return {
              offer_id: o.id,
              supplier_id: o.supplier_id,
              supplier_name: org.legal_name,
              sme: org.sme,
              price: String(o.price),
              price_cents: toCents(String(o.price)),
              min_order_qty: o.min_order_qty,
              delivery_days: (o.delivery_days ?? {}) as Record<string, number>,
            }
          }),
      })
    }
    return { docs, missing }
  }

  /** Forget what is cached about these contracts (status or enrolment changed). */
  forgetContract(id: string) {
    this.contracts.delete(id)
  }

  private async loadContracts(ids: string[]) {
    const todo = ids.filter((id) => id && !this.contracts.has(id))
    if (!todo.length) {
      return
    }
    const contracts = await this.fc.listFrameworkContracts({ id: todo }, { take: null })
    const units = await this.fc.listUnitEnrolments({ contract_id: todo }, { take: null })
    for (const id of todo) {
      const c = contracts.find((x) => x.id === id)
      this.contracts.set(
        id,
        c
          ? {
              id,
              number: c.number,
              title: c.title,
              status: c.status,
              unit_ids: units.filter((u) => (u as unknown as { contract_id: string }).contract_id === id).map((u) => u.unit_id),
            }
          : null,
      )
    }
  }

  private async loadTitles(codes: string[]) {
    const todo = codes.filter((c) => c && !this.titles.has(c))
    if (todo.length) {
      for (const u of await this.fc.listUnspscCodes({ code: todo }, { take: null })) {
        this.titles.set(u.code, u.title_es)
      }
    }
  }

  private async loadPartidas(codes: string[]) {
    const todo = codes.filter((c) => !this.partidas.has(c))
    if (!todo.length) {
      return
    }
    const rows = await this.fc.listCogCrosswalks({ unspsc_code: todo, valid_until: null }, { take: null })
    for (const code of todo) {
      this.partidas.set(code, rows.find((r) => r.unspsc_code === code)?.partida_title ?? null)
    }
  }

  private async loadOrgs(ids: string[]) {
    const todo = ids.filter((id) => !this.orgs.has(id))
    if (!todo.length) {
      return
    }
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "organization", fields: ["id", "legal_name", "sme_size"], filters: { id: todo } })
    for (const id of todo) {
      const o = data.find((x) => x.id === id)
      this.orgs.set(id, o ? { legal_name: o.legal_name as string, sme: SME.has(o.sme_size as string) } : null)
    }
  }
}

/** Ids of the items of a contract. */
export async function itemIdsOfContract(container: MedusaContainer, contractId: string): Promise<string[]> {
  const fc = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const lots = await fc.listFrameworkLots({ contract_id: contractId }, { take: null, select: ["id"] })
  if (!lots.length) {
    return []
  }
  const items = await fc.listFrameworkItems({ lot_id: lots.map((l) => l.id) }, { take: null, select: ["id"] })
  return items.map((i) => i.id)
}
