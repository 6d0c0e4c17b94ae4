import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE, type BudgetModuleService } from "@tienda/budget/modules/budget"
import { SPECIFIC_CONTRACT_MODULE, type SpecificContractModuleService } from "@tienda/contracts/modules/specific-contract"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { rq } from "./service"

export type OrderReleaseInput = {
  contract_id: string
  /** Who brought the contract into force (the last signer), for the ledger. */
  actor: { actor_type: string; actor_id: string; person_id: string; role: string | null }
}

type ContractLine = {
  line: number
  offer_id: string
  item_id: string
  description: string
  quantity: number
  unit_price: string
  iva_treatment: string
  delivery_date: string | null
  total: string
}

type DeliveryAddress = { street: string; colonia: string; municipio: string; estado: string; codigo_postal: string }

/** The order's shipping address: the requisition's structured address, else its delivery place as one line. */
function shippingAddress(agency: string, place: string, a: DeliveryAddress | null) {
  const base = { first_name: agency.slice(0, 100), country_code: "mx" }
  return a
    ? {
        ...base,
        address_1: a.street,
        address_2: a.colonia,
        city: a.municipio,
        province: a.estado,
        postal_code: a.codigo_postal,
        metadata: { delivery_place: place },
      }
    : { ...base, address_1: place }
}

/** Code first, then the Spanish message (docs/conventions.md, errors). */
const refuse = (code: string, message: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

export const evaluateOrderReleaseStepId = "requisitions-evaluate-order-release"

/**
 * This step plans (read-only) what a contract entering into force sets in
 * motion: the supplier must still be eligible (the catalog's one rule:
 * PROVEEDOR_SANCIONADO, PROVEEDOR_NO_ADHERIDO…); the commitment of the
 * contract's total with IVA, drawn from its requisition's reservation; the
 * Medusa order of the contract's lines at the contract's prices, with the
 * delivery place and each line's delivery date; and, when it is the last
 * contract of the requisition to settle, the requisition becomes `ordered`
 * and what is left of its reservation is released.
 */
export const evaluateOrderReleaseStep = createStep(evaluateOrderReleaseStepId, async (input: OrderReleaseInput, { container }) => {
  const contracts = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
  const [c] = await contracts.listSpecificContracts({ id: input.contract_id }, { take: 1 })
  if (!c || !c.requisition_id) {
    refuse("CONTRATO_SOLO_DESDE_REQUISICION", `El contrato ${c?.number ?? input.contract_id} no proviene de una requisición.`)
  }
  const verdict = await checkEligibility(container as never, {
    supplier_id: c.supplier_id,
    contract_id: c.framework_contract_id,
    purpose: "contract",
  })
  if (!verdict.eligible) {
    const reason = verdict.reasons[0]
    refuse(
      reason.code,
      `El contrato ${c.number} no puede entrar en vigor: ${reason.message} La dependencia puede cancelarlo o retirar la requisición.`,
    )
  }
  const [r] = await rq(container).listRequisitions({ id: c.requisition_id as string }, { relations: ["lines"], take: 1 })
  if (!r || !r.reservation_id) {
    refuse("PRESUPUESTO_NO_RESERVADO", `La requisición del contrato ${c.number} no tiene presupuesto reservado.`)
  }
  const siblings = await contracts.listSpecificContracts(
    { requisition_id: r.id, kind: "contract", id: { $ne: c.id } },
    { select: ["id", "status"], take: null },
  )
  const last = siblings.every((s) => s.status === "in_force" || s.status === "cancelled")
  const budget = container.resolve<BudgetModuleService>(BUDGET_MODULE)
  const commitKey = `specific_contract:${c.id}:compromiso`
  // A run killed after recording this contract's commitment (before its
  // order) drew it from the reservation already; the re-run replays that
  // movement by its key, so it still counts as this contract's share.
  const earlier = await budget.listBudgetMovements(
    { idempotency_key: [commitKey, `${commitKey}:compensacion`] },
    { select: ["idempotency_key", "amount"], take: null },
  )
  const drawn = earlier.some((m) => m.idempotency_key !== commitKey) ? undefined : earlier.find((m) => m.idempotency_key === commitKey)
  const remaining = MathBN.add(await budget.remainingOf(r.reservation_id as string), drawn?.amount ?? 0)
  const total = MathBN.convert(String(c.total)).toFixed(2)
  const rest = MathBN.convert(remaining).minus(total)
  if (rest.isNegative()) {
    refuse(
      "IMPORTE_EXCEDE_SALDO_DEL_MOVIMIENTO",
      `La reserva de la requisición ${r.number} ya no cubre el contrato ${c.number} (${total} MXN).`,
    )
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [region],
  } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "mxn" } })
  const org = container.resolve("organization") as { listPeople: (f: object, c: object) => Promise<{ email: string; full_name: string }[]> }
  const [requester] = await org.listPeople({ id: r.requester_person_id }, { take: 1 })
  const data = c.data as unknown as { lines: ContractLine[]; delivery: { place: string }; agency: { legal_name: string } }
  const reqLines = (r.lines ?? []) as unknown as { offer_id: string; item_id: string; variant_id: string; delivery_place: string }[]
  // a contract drawn from a second-stage award sells the requisition's items through the winner's offers
  const foreign = data.lines.filter((l) => !reqLines.some((x) => x.offer_id === l.offer_id)).map((l) => l.offer_id)
  const fc = container.resolve("framework_contract") as {
    listOffers: (f: object, c: object) => Promise<{ id: string; variant_id: string | null }[]>
  }
  const winners = foreign.length ? await fc.listOffers({ id: foreign }, { select: ["id", "variant_id"], take: null }) : []
  const items = data.lines.map((l) => {
    const own = reqLines.find((x) => x.offer_id === l.offer_id)
    const awarded = own ? null : reqLines.some((x) => x.item_id === l.item_id) ? winners.find((o) => o.id === l.offer_id) : null
    const variantId = own?.variant_id ?? awarded?.variant_id
    if (!variantId) {
      refuse("CONTRATO_DIFIERE_DE_REQUISICION", `La partida ${l.line} del contrato ${c.number} no está en la requisición ${r.number}.`)
    }
    return {
      variant_id: variantId as string,
      title: l.description,
      quantity: l.quantity,
      unit_price: l.unit_price as unknown as number,
      requires_shipping: false,
      metadata: { contract_line: l.line, iva_treatment: l.iva_treatment, delivery_date: l.delivery_date, contract_total: l.total },
    }
  })
  const actorId = input.actor.person_id || null
  return new StepResponse({
    contract: { id: c.id, number: c.number, supplier_id: c.supplier_id, total },
    requisition: { id: r.id, number: r.number },
    last,
    commit: {
      budget_key_id: c.budget_key_id,
      organization_id: c.agency_id,
      amount: total,
      parent_id: r.reservation_id as string,
      reference_type: "contract" as const,
      reference_id: c.id,
      idempotency_key: commitKey,
      actor_id: actorId,
    },
    release_rest:
      last && rest.gt(0)
        ? {
            budget_key_id: c.budget_key_id,
            organization_id: c.agency_id,
            amount: rest.toFixed(2),
            parent_id: r.reservation_id as string,
            reference_type: "requisition" as const,
            reference_id: r.id,
            idempotency_key: `${r.reservation_key}:release-rest`,
            actor_id: actorId,
          }
        : null,
    order: {
      region_id: region?.id as string,
      email: requester?.email,
      currency_code: "mxn",
      items,
      shipping_address: shippingAddress(data.agency.legal_name, data.delivery.place, r.delivery_address as DeliveryAddress | null),
      metadata: { specific_contract_number: c.number, requisition_number: r.number },
    },
  })
})
