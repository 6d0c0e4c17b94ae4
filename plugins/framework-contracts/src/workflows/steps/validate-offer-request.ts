import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkEligibility } from "../../catalog/load-eligibility"
import { fc, invalid, notFound } from "./service"

export type OfferTerms = {
  price: string | number
  min_order_qty: number
  delivery_days: Record<string, number>
  stock?: number | null
}

export type SubmitOfferRequestInput = OfferTerms & {
  supplier_id: string
  item_id: string
  requested_by: string
}

export type ValidatedOfferRequest = SubmitOfferRequestInput & {
  contract_id: string
  kind: "new_offer" | "price_change"
  offer_id: string | null
}

/**
 * The rules an offer must meet both when a supplier requests it and when the
 * administrator approves it: the supplier is eligible for the item's contract,
 * the price does not exceed the ceiling in force, and delivery is offered only
 * to states the item covers.
 */
export async function assertOfferAcceptable(container: Parameters<typeof checkEligibility>[0], input: SubmitOfferRequestInput) {
  const service = fc(container)
  const [item] = await service.listFrameworkItems({ id: input.item_id }, { relations: ["lot"], take: 1 })
  if (!item) {
    notFound("ARTICULO_NO_EXISTE", `El artículo ${input.item_id} no existe.`)
  }
  const contractId = (item.lot as unknown as { contract_id: string }).contract_id
  const eligibility = await checkEligibility(container, {
    supplier_id: input.supplier_id,
    contract_id: contractId,
    purpose: "offer",
  })
  if (!eligibility.eligible) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, eligibility.reasons.map((r) => r.message).join(" "), eligibility.reasons[0].code)
  }
  if (MathBN.lte(input.price, 0)) {
    invalid("PRECIO_INVALIDO", "El precio debe ser mayor que cero.")
  }
  if (MathBN.gt(input.price, item.ceiling_price)) {
    invalid(
      "PRECIO_SUPERA_TECHO",
      `El precio ofertado (${MathBN.convert(input.price).toFixed(2)} MXN) supera el precio techo vigente del artículo ${item.code} (${MathBN.convert(item.ceiling_price).toFixed(2)} MXN).`,
    )
  }
  const states = (item.delivery_states as unknown as string[]) ?? []
  const offered = Object.keys(input.delivery_days ?? {})
  if (!offered.length) {
    invalid("SIN_ZONAS_DE_ENTREGA", "Indica los días de entrega por entidad federativa.")
  }
  const outside = offered.filter((s) => !states.includes(s))
  if (outside.length) {
    invalid(
      "ZONA_FUERA_DE_CONTRATO",
      `El artículo ${item.code} no se entrega en: ${outside.join(", ")} (zonas del contrato: ${states.join(", ")}).`,
    )
  }
  if (Object.values(input.delivery_days).some((d) => !Number.isInteger(d) || d < 1 || d > 90)) {
    invalid("DIAS_DE_ENTREGA_INVALIDOS", "Los días de entrega deben ser enteros entre 1 y 90.")
  }
  return { item, contractId }
}

export const validateOfferRequestStepId = "framework-contracts-validate-offer-request"
/**
 * This step checks a supplier's offer request (new offer or price change)
 * and that no other request of the same supplier for the item is pending.
 */
export const validateOfferRequestStep = createStep(validateOfferRequestStepId, async (input: SubmitOfferRequestInput, { container }) => {
  const { contractId } = await assertOfferAcceptable(container, input)
  const service = fc(container)
  const [pending] = await service.listOfferRequests(
    { item_id: input.item_id, supplier_id: input.supplier_id, status: "pending" },
    { take: 1 },
  )
  if (pending) {
    invalid("SOLICITUD_PENDIENTE", "Ya tienes una solicitud pendiente para este artículo; espera su resolución.")
  }
  const [offer] = await service.listOffers({ item_id: input.item_id, supplier_id: input.supplier_id }, { take: 1 })
  const result: ValidatedOfferRequest = {
    ...input,
    contract_id: contractId,
    kind: offer ? "price_change" : "new_offer",
    offer_id: offer?.id ?? null,
  }
  return new StepResponse(result)
})
