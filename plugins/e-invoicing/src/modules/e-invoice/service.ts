import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import {
  CreditNote,
  DeliveryTally,
  Invoice,
  PaymentComplement,
  PaymentRequest,
  Reception,
  ReceptionActa,
  ReceptionLine,
  Shipment,
  ShipmentLine,
  SupplierBankAccount,
} from "./models"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/** Plugin options (backend/medusa-config.ts), read once here. */
export type EInvoicingOptions = {
  satUrl?: string
  satTimeoutMs?: number
  /** The SAT simulator's shared token (`Authorization: Bearer …`); `npm start` sets SIMULATOR_TOKEN. "" for none. */
  satToken?: string
  /** Stripe for own-resources agencies (STRIPE_API_KEY); unset: every payment goes by CLC/SPEI. */
  stripeApiKey?: string
  /** The webhook endpoint's signing secret (STRIPE_WEBHOOK_SECRET); without it no webhook verifies. */
  stripeWebhookSecret?: string
  /** Another Stripe API base (STRIPE_API_BASE: stripe-mock, a local fake in tests). */
  stripeApiBase?: string
}

/** Stripe as configured, or null when STRIPE_API_KEY is not set. */
export type StripeConfig = { apiKey: string; webhookSecret: string; apiBase: string | null } | null

/** A change to one line's running totals (positive adds, negative takes back). */
export type TallyDelta = { contract_line: number; shipped?: number; accepted?: number; rejected?: number; invoiced?: number }

const TALLY_ERRORS: Record<string, [string, string]> = {
  einv_delivery_tally_envio_excede_pedido: [
    "CANTIDAD_EXCEDE_PEDIDO",
    "Lo enviado (sin contar lo rechazado) excedería lo pedido en el contrato.",
  ],
  einv_delivery_tally_recepcion_excede_envio: ["CANTIDAD_EXCEDE_ENVIO", "Lo recibido y rechazado excedería lo enviado por el proveedor."],
  einv_delivery_tally_factura_excede_recepcion: ["CANTIDAD_EXCEDE_RECIBIDO", "Lo facturado excedería lo recibido a entera satisfacción."],
  einv_delivery_tally_no_negativas: ["CANTIDAD_INVALIDA", "Las cantidades no pueden quedar en negativo."],
}

/**
 * Data of shipments, receptions, invoices, payment requests and supplier bank
 * accounts, plus the two things the flow needs from its environment: the SAT
 * configuration (plugin options) and the clock (the server's; tests inject
 * theirs with `useClock`). The one guarded write is `applyTally`.
 */
class EInvoiceModuleService extends MedusaService({
  SupplierBankAccount,
  DeliveryTally,
  Shipment,
  ShipmentLine,
  Reception,
  ReceptionLine,
  ReceptionActa,
  Invoice,
  PaymentRequest,
  PaymentComplement,
  CreditNote,
}) {
  protected readonly manager_: { getKnex: () => Knex }
  protected readonly options_: Required<Pick<EInvoicingOptions, "satUrl" | "satTimeoutMs" | "satToken">>
  protected readonly stripe_: StripeConfig
  protected clock_: () => Date = () => new Date()

  constructor(container: { manager: { getKnex: () => Knex } }, options: EInvoicingOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.manager_ = container.manager
    this.options_ = {
      satUrl: options?.satUrl ?? "http://localhost:9101",
      satTimeoutMs: options?.satTimeoutMs ?? 5000,
      satToken: options?.satToken ?? "",
    }
    this.stripe_ = options?.stripeApiKey
      ? { apiKey: options.stripeApiKey, webhookSecret: options.stripeWebhookSecret ?? "", apiBase: options.stripeApiBase || null }
      : null
  }

  /** Stripe for own-resources agencies, or null when not configured. */
  async stripeConfig(): Promise<StripeConfig> {
    return this.stripe_
  }

  /** The SAT simulator / service the status client and certificate repository talk to. */
  async satConfig(): Promise<Required<Pick<EInvoicingOptions, "satUrl" | "satTimeoutMs" | "satToken">>> {
    return this.options_
  }

  async now(): Promise<Date> {
    return this.clock_()
  }

  /** Replaces the clock (tests); `null` restores the server's. */
  async useClock(clock: (() => Date) | null): Promise<void> {
    this.clock_ = clock ?? (() => new Date())
  }

  /**
   * Moves a row of `table` (einv_invoice or einv_payment_request) from one of
   * `from` to `to` in one guarded UPDATE: of concurrent callers exactly one
   * wins; the others get null (nothing written).
   */
  async transitionStatus(
    table: "einv_invoice" | "einv_payment_request" | "einv_reception_acta",
    id: string,
    from: string[],
    to: string,
  ): Promise<{ id: string; previous: string } | null> {
    const { rows } = await this.manager_.getKnex().raw(
      `UPDATE ${table} r SET status = ?, updated_at = now()
         FROM (SELECT id, status AS previous FROM ${table} WHERE id = ? AND deleted_at IS NULL FOR UPDATE) p
        WHERE r.id = p.id AND p.previous = ANY(?) RETURNING r.id, p.previous`,
      [to, id, from],
    )
    return rows[0] ? { id: rows[0].id as string, previous: rows[0].previous as string } : null
  }

  /**
   * Withholds `amount` of a reception's pena convencional for a payment, in one
   * guarded UPDATE: only if what is left of the penalty still covers it (of
   * concurrent payments, never more than the penalty in total). A negative
   * amount gives it back (compensation). True when written.
   */
  async deductPenalty(receptionId: string, amount: string): Promise<boolean> {
    const { rows } = await this.manager_.getKnex().raw(
      `UPDATE einv_reception SET penalty_deducted = to_char(penalty_deducted::numeric + ?::numeric, 'FM999999999999990.00'), updated_at = now()
        WHERE id = ? AND deleted_at IS NULL AND penalty_deducted::numeric + ?::numeric BETWEEN 0 AND penalty_amount::numeric
        RETURNING id`,
      [amount, receptionId, amount],
    )
    return rows.length === 1
  }

  /**
   * Moves a payment request's complemento de pago between `pending` and
   * `received` in one guarded UPDATE (once under concurrency). True when written.
   */
  async moveComplementStatus(paymentRequestId: string, from: "pending" | "received", to: "pending" | "received"): Promise<boolean> {
    const { rows } = await this.manager_.getKnex().raw(
      `UPDATE einv_payment_request SET complement_status = ?, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL AND complement_status = ? RETURNING id`,
      [to, paymentRequestId, from],
    )
    return rows.length === 1
  }

  /** Moves a payment request's credit-note status (guarded: false when it was not `from`). */
  async moveCreditNoteStatus(paymentRequestId: string, from: "pending" | "received", to: "pending" | "received"): Promise<boolean> {
    const { rows } = await this.manager_.getKnex().raw(
      `UPDATE einv_payment_request SET credit_note_status = ?, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL AND credit_note_status = ? RETURNING id`,
      [to, paymentRequestId, from],
    )
    return rows.length === 1
  }

  /** Creates the order's tally rows (once; later calls change nothing). */
  async ensureTally(orderId: string, contractId: string, lines: { contract_line: number; quantity: number }[]): Promise<void> {
    const knex = this.manager_.getKnex()
    for (const l of lines) {
      await knex.raw(
        `INSERT INTO einv_delivery_tally (id, order_id, specific_contract_id, contract_line, ordered_quantity)
         VALUES ('dtly_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?, ?)
         ON CONFLICT (order_id, contract_line) WHERE deleted_at IS NULL DO NOTHING`,
        [orderId, contractId, l.contract_line, l.quantity],
      )
    }
  }

  /**
   * Adds the deltas to the order's tally in ONE statement: all lines or none.
   * The CHECK constraints refuse a total that would exceed the order (also
   * when another request got there first); the refusal is a MedusaError
   * with the constraint's code and nothing is written.
   */
  async applyTally(orderId: string, deltas: TallyDelta[]): Promise<void> {
    if (!deltas.length) {
      return
    }
    const values = deltas.map(() => "(?::int, ?::int, ?::int, ?::int, ?::int)").join(", ")
    const params = deltas.flatMap((d) => [d.contract_line, d.shipped ?? 0, d.accepted ?? 0, d.rejected ?? 0, d.invoiced ?? 0])
    try {
      await this.manager_.getKnex().raw(
        `UPDATE einv_delivery_tally t
            SET shipped_quantity = t.shipped_quantity + v.s, accepted_quantity = t.accepted_quantity + v.a,
                rejected_quantity = t.rejected_quantity + v.r, invoiced_quantity = t.invoiced_quantity + v.i, updated_at = now()
           FROM (VALUES ${values}) AS v(line, s, a, r, i)
          WHERE t.order_id = ? AND t.contract_line = v.line AND t.deleted_at IS NULL`,
        [...params, orderId],
      )
    } catch (e) {
      const constraint = (e as { constraint?: string }).constraint
      const known = constraint ? TALLY_ERRORS[constraint] : undefined
      if (known) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, known[1], known[0])
      }
      throw e
    }
  }
}

export default EInvoiceModuleService
