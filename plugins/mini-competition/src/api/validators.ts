import { z } from "@medusajs/framework/zod"
import { PAYMENT_PLANS } from "@tienda/contracts/workflows"
import { fieldsSchema, paginationSchema } from "@tienda/organizations/http"

const id = z.string().trim().min(1).max(100)

/** An e.firma envelope (the contracts plugin's shape): base64 DER `.cer` and base64 signature over the canonical JSON of the signing payload. */
const envelope = {
  certificate: z.string().min(100).max(20_000),
  signature: z.string().min(16).max(4_000),
}
/** A non-negative amount with at most two decimals, as a string (exact money). */
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, "importe con hasta dos decimales")

export const Empty = z.object({}).strict()

/**
 * Generating the specific contracts: the Purchasing Unit chooses how the
 * agency pays them — `una_exhibicion` (CFDI with MetodoPago PUE, the
 * default) or `parcialidades_o_diferido` (PPD, a complemento de pago per
 * payment). Stored on each contract and said in its fourth clause.
 */
export const StoreGenerateContracts = z.object({ payment_plan: z.enum(PAYMENT_PLANS).optional() }).strict()
export type StoreGenerateContractsType = z.infer<typeof StoreGenerateContracts>

export const StoreCreateCompetition = z
  .object({
    requisition_id: id,
    /** The lot of the requisition to compete; optional when only one lot requires it. */
    lot_id: id.optional(),
    /** SAT state code (c_Estado) the goods are delivered to; only suppliers serving it are invited. */
    delivery_state: z
      .string()
      .trim()
      .regex(/^[A-Z]{3}$/, "clave de entidad de tres letras (c_Estado)"),
  })
  .strict()
export type StoreCreateCompetitionType = z.infer<typeof StoreCreateCompetition>

const status = z.enum(["draft", "bidding", "opened", "offered", "awarded", "deserted"])

export const ListCompetitions = z.object({ status: status.optional(), ...paginationSchema, ...fieldsSchema }).strict()
export type ListCompetitionsType = z.infer<typeof ListCompetitions>

export const StoreAward = z
  .object({
    /** Another valid bidder than the computed winner (needs a justification). */
    supplier_id: id.optional(),
    justification: z.string().trim().min(1).max(2000).optional(),
    /** e.firma over `deviationJustificationPayload` — required when deviating from the computed winner. */
    certificate: envelope.certificate.optional(),
    signature: envelope.signature.optional(),
  })
  .strict()
export type StoreAwardType = z.infer<typeof StoreAward>

export const StoreDesert = z.object({ reason: z.string().trim().min(10).max(2000) }).strict()
export type StoreDesertType = z.infer<typeof StoreDesert>

export const SupplierBid = z
  .object({
    lines: z
      .array(z.object({ line_id: id, unit_price: amount }).strict())
      .min(1)
      .max(200),
    delivery_days: z.number().int().min(1).max(365),
  })
  .strict()
export type SupplierBidType = z.infer<typeof SupplierBid>

export const Observation = z.object({ text: z.string().trim().min(10).max(5000) }).strict()
export type ObservationType = z.infer<typeof Observation>

export const SupplierAsk = z.object({ question: z.string().trim().min(10).max(5000) }).strict()
export type SupplierAskType = z.infer<typeof SupplierAsk>

export const StoreAnswer = z
  .object({
    answer: z.string().trim().min(5).max(10000),
    /** Extends the bid deadline for every invitee by this many business days. */
    extend_business_days: z.number().int().min(1).max(20).optional(),
  })
  .strict()
export type StoreAnswerType = z.infer<typeof StoreAnswer>

const days = z.number().int().min(1).max(30)
const weight = z.number().int().min(0).max(100)
/** A lot's second-stage rules from `effective_from` on (never retroactive). */
export const AdminCreateRule = z
  .object({
    lot_id: id,
    effective_from: z.string().datetime({ offset: true }),
    citation: z.string().trim().min(10).max(500),
    min_invitees: z.number().int().min(1).max(50),
    min_valid_bids: z.number().int().min(1).max(50),
    /** With fewer valid bids than the minimum: deserted, or new bidding rounds (at most `max_reinvite_rounds`), then deserted. */
    on_insufficient_bids: z.enum(["deserted", "reinvite"]).default("deserted"),
    max_reinvite_rounds: z.number().int().min(1).max(5).default(1),
    /** Lowest compliant price, or points with published weights (whole points adding up to 100). */
    method: z.enum(["lowest_price", "points"]).default("lowest_price"),
    weights: z
      .object({ price: weight.min(1), delivery_days: weight })
      .strict()
      .nullable()
      .default(null),
    bid_window_business_days: days,
    winner_confirmation_business_days: days,
    abnormally_low_pct: z.number().int().min(1).max(99),
    sme_preferences: z
      .object({ tie_break: z.boolean(), reserved: z.boolean(), bonus_points: z.number().int().min(0).max(20).default(0) })
      .strict(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.method === "points" && (!r.weights || r.weights.price + r.weights.delivery_days !== 100)) {
      ctx.addIssue({
        code: "custom",
        path: ["weights"],
        message: "La evaluación por puntos requiere ponderaciones de precio y plazo que sumen 100.",
      })
    }
    if (r.method !== "points" && r.weights) {
      ctx.addIssue({ code: "custom", path: ["weights"], message: "Las ponderaciones solo aplican a la evaluación por puntos." })
    }
    if (r.method !== "points" && r.sme_preferences.bonus_points > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["sme_preferences", "bonus_points"],
        message: "Los puntos adicionales MIPYME solo aplican a la evaluación por puntos.",
      })
    }
  })
export type AdminCreateRuleType = z.infer<typeof AdminCreateRule>

export const AdminListRules = z.object({ lot_id: id }).strict()
export type AdminListRulesType = z.infer<typeof AdminListRules>

/** The signer acknowledges the integrity declaration it was shown by its SHA-256 (hex), signed with e.firma over the view's `signing_payload`. */
export const IntegrityDeclaration = z
  .object({
    text_sha256: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, "SHA-256 en hexadecimal (64 caracteres)"),
    ...envelope,
  })
  .strict()
/** The winner confirms the award with its e.firma over the offer's `signing_payload`. */
export const SupplierAcceptAward = z.object(envelope).strict()
export type SupplierAcceptAwardType = z.infer<typeof SupplierAcceptAward>

export type IntegrityDeclarationType = z.infer<typeof IntegrityDeclaration>
