import { container as appContainer } from "@medusajs/framework"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  MedusaContainer,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MathBN, MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import { systemActor } from "@tienda/organizations/audit"
import { loadAccessContext, PERMISSIONS } from "@tienda/organizations/utils"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import { BUDGET_ERRORS } from "../../utils/errors"
import { isPositiveAmount, toCentavos } from "../../utils/money"
import {
  accrueBudgetWorkflow,
  commitBudgetWorkflow,
  exerciseBudgetWorkflow,
  payBudgetWorkflow,
  refundBudgetWorkflow,
  releaseBudgetWorkflow,
  type RefundBudgetWorkflowInput,
} from "../../workflows"
import type { BudgetMovementWorkflowInput } from "../../workflows/types"
import { movementKey, type BudgetPaymentData } from "./data"

type Movement = { id: string; type: string; amount: string; budget_key_id: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyWorkflow = (c: MedusaContainer) => { run: (a: any) => Promise<{ result: any; errors: any[] }> }

/**
 * Medusa payment provider backed by the budget (`pp_budget_budget`): the
 * "money" of an order is a clave presupuestaria. initiate records which
 * reservation (or key) pays; authorize = commit the reservation;
 * capture = accrue → exercise (CLC) → pay (called directly: no invoice
 * match precedes it yet — that is the e-invoicing capability's to add);
 * cancel = release the commitment; refund = reversal of the payment back
 * to disponible (own-resources keys only). Every step goes through the
 * budget workflows with an idempotency key derived from the payment
 * session, so a retry by Medusa never moves money twice. Status is read
 * from the ledger. Orders released by a specific contract carry no payment
 * session: their budget was committed when the contract entered into force
 * (requisitions' release-contract-order workflow), not by this provider.
 *
 * Module providers live in the payment module's isolated container; the
 * budget module and workflows are reached through the application
 * container, resolved at call time.
 */
export class BudgetPaymentProviderService extends AbstractPaymentProvider<Record<string, unknown>> {
  static identifier = "budget"

  // Public: Medusa instantiates module providers from the payment module's container.
  constructor(cradle: Record<string, unknown>, config: Record<string, unknown> = {}) {
    super(cradle, config)
  }

  protected get app(): MedusaContainer {
    return appContainer
  }

  protected get budget(): BudgetModuleService {
    return this.app.resolve<BudgetModuleService>(BUDGET_MODULE)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = (input.data ?? {}) as Record<string, unknown>
    const sessionId = String(data.session_id ?? input.context?.idempotency_key ?? "")
    const amount = toCentavos(MathBN.convert(input.amount as string))
    if (!sessionId || !isPositiveAmount(amount)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `El importe ${amount} del pago no es válido.`, BUDGET_ERRORS.INVALID_AMOUNT)
    }
    if (String(input.currency_code).toLowerCase() !== "mxn") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "El pago con presupuesto solo admite pesos mexicanos (MXN).",
        "MONEDA_NO_ADMITIDA",
      )
    }
    const reservationId = (data.budget_reservation_id as string | undefined) ?? null
    let keyId = (data.budget_key_id as string | undefined) ?? null
    if (reservationId) {
      const [reservation] = (await this.budget.listBudgetMovements(
        { id: reservationId },
        { take: 1, select: ["id", "type", "budget_key_id"] },
      )) as unknown as Movement[]
      if (!reservation || reservation.type !== "reserve" || (keyId && keyId !== reservation.budget_key_id)) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `La reserva presupuestal ${reservationId} no existe.`,
          BUDGET_ERRORS.MOVEMENT_NOT_FOUND,
        )
      }
      keyId = reservation.budget_key_id
    }
    if (!keyId) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Indica la reserva presupuestal de la requisición (budget_reservation_id) o la clave presupuestal (budget_key_id) con que se paga.",
        "RESERVA_PRESUPUESTAL_REQUERIDA",
      )
    }
    const [key] = await this.budget.listBudgetKeys({ id: keyId }, { take: 1, select: ["id", "organization_id", "unit_id", "provider"] })
    if (!key) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `La clave presupuestal ${keyId} no existe.`, BUDGET_ERRORS.KEY_NOT_FOUND)
    }
    await this.assertBuyerMayUse_(input.context?.customer?.id, key)
    const out: BudgetPaymentData = {
      session_id: sessionId,
      budget_key_id: key.id,
      organization_id: key.organization_id,
      budget_reservation_id: reservationId,
      amount,
      reference_id: (data.reference_id as string | undefined) ?? sessionId,
      clave_rastreo: (data.clave_rastreo as string | undefined) ?? null,
    }
    return { id: `budget_${sessionId}`, data: out, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = input.data as BudgetPaymentData
    if (await this.movement_(data, "commit")) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "El pago ya comprometió el presupuesto; cancélalo y crea otro para cambiar el importe.",
        BUDGET_ERRORS.INVALID_TRANSITION,
      )
    }
    return { data: { ...data, amount: toCentavos(MathBN.convert(input.amount as string)) } }
  }

  /** authorize = commit: reservado → comprometido (or disponible → comprometido without a reservation). */
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = input.data as BudgetPaymentData
    const commit = await this.run_(commitBudgetWorkflow, this.input_(data, "commit", data.budget_reservation_id))
    return { status: PaymentSessionStatus.AUTHORIZED, data: { ...data, commit_movement_id: commit.id } }
  }

  /** capture = accrue → exercise (CLC) → pay, each idempotent. No invoice match is checked here (none exists yet). */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = input.data as BudgetPaymentData
    const [key] = await this.budget.listBudgetKeys({ id: data.budget_key_id }, { take: 1, select: ["id", "provider"] })
    if (key?.provider === "own_resources" && !data.clave_rastreo) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Indica la clave de rastreo SPEI del pago (clave_rastreo en los datos del pago) antes de capturarlo.",
        "CLAVE_RASTREO_REQUERIDA",
      )
    }
    const commit = await this.required_(data, "commit")
    const accrue = await this.run_(accrueBudgetWorkflow, this.input_(data, "accrue", commit.id))
    const exercise = await this.run_(exerciseBudgetWorkflow, this.input_(data, "exercise", accrue.id))
    const pay = await this.run_(payBudgetWorkflow, {
      ...this.input_(data, "pay", exercise.id),
      clave_rastreo: data.clave_rastreo ?? null,
    })
    return {
      data: {
        ...data,
        accrue_movement_id: accrue.id,
        exercise_movement_id: exercise.id,
        pay_movement_id: pay.id,
        clave_rastreo: pay.clave_rastreo ?? data.clave_rastreo ?? null,
      },
    }
  }

  /** cancel = release what is left of the commitment back to disponible. */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = input.data as BudgetPaymentData
    const commit = await this.movement_(data, "commit")
    if (!commit) {
      return { data }
    }
    const released = await this.movement_(data, "release")
    if (released) {
      return { data: { ...data, release_movement_id: released.id } }
    }
    const remaining = await this.budget.remainingOf(commit.id)
    if (!MathBN.gt(remaining, 0)) {
      return { data }
    }
    const release = await this.run_(releaseBudgetWorkflow, { ...this.input_(data, "release", commit.id), amount: remaining })
    return { data: { ...data, release_movement_id: release.id } }
  }

  /**
   * refund = reintegro: reversal of the payment back to disponible
   * (pagado → ejercido → devengado → comprometido → disponible), one
   * idempotent movement per stage keyed by Medusa's refund id. SICOP/SIAFF
   * keys get their reintegro in SIAFF, not here.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = input.data as BudgetPaymentData
    const [key] = await this.budget.listBudgetKeys({ id: data.budget_key_id }, { take: 1, select: ["id", "provider"] })
    if (key?.provider !== "own_resources") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Los reintegros de claves de SICOP/SIAFF se tramitan en SIAFF; no se registran desde la tienda.",
        "REINTEGRO_EN_SIAFF",
      )
    }
    const amount = toCentavos(MathBN.convert(input.amount as string))
    const refundKey = `${movementKey(data.session_id, "pay")}:reintegro:${input.context?.idempotency_key ?? amount}`
    const { pay_movement_id, exercise_movement_id, accrue_movement_id, commit_movement_id } = data
    if (!pay_movement_id || !exercise_movement_id || !accrue_movement_id || !commit_movement_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "El pago aún no se ha capturado.", BUDGET_ERRORS.INVALID_TRANSITION)
    }
    const refund: RefundBudgetWorkflowInput = {
      budget_key_id: data.budget_key_id,
      amount,
      pay_movement_id,
      exercise_movement_id,
      accrue_movement_id,
      commit_movement_id,
      reference_type: "payment",
      reference_id: data.reference_id,
      idempotency_key: refundKey,
      actor: systemActor("budget-payment-provider"),
    }
    await this.run_(refundBudgetWorkflow, refund)
    return { data }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    // The reservation belongs to the requisition; a deleted session leaves it as it is.
    return { data: input.data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }

  /** The ledger decides: paid → captured, released → canceled, committed → authorized. */
  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = input.data as BudgetPaymentData
    const moves = await this.budget.listBudgetMovements(
      { idempotency_key: (["commit", "release", "pay"] as const).map((t) => movementKey(data.session_id, t)) },
      { select: ["id", "idempotency_key"] },
    )
    const has = (t: "commit" | "release" | "pay") => moves.some((m) => m.idempotency_key === movementKey(data.session_id, t))
    const status = has("pay")
      ? PaymentSessionStatus.CAPTURED
      : has("release")
        ? PaymentSessionStatus.CANCELED
        : has("commit")
          ? PaymentSessionStatus.AUTHORIZED
          : PaymentSessionStatus.PENDING
    return { status, data }
  }

  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: "not_supported" }
  }

  /** A buyer may pay only with a key of their agency and units (system calls carry no customer). */
  protected async assertBuyerMayUse_(
    customerId: string | undefined,
    key: { organization_id: string; unit_id: string | null },
  ): Promise<void> {
    if (!customerId) {
      return
    }
    const access = await loadAccessContext(this.app, "customer", customerId)
    const units = access?.permission_units[PERMISSIONS.BUDGET_RESERVE]
    const inScope =
      !!access &&
      access.organization_id === key.organization_id &&
      units !== undefined &&
      (units === null || key.unit_id === null || units.includes(key.unit_id))
    if (!inScope) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "La clave presupuestal pertenece a otra dependencia o a una unidad fuera de tu alcance; solo puedes pagar con presupuesto de tu dependencia y tus unidades.",
        BUDGET_ERRORS.KEY_OTHER_AGENCY,
      )
    }
  }

  protected input_(data: BudgetPaymentData, type: "commit" | "accrue" | "exercise" | "pay" | "release", parent: string | null) {
    const input: BudgetMovementWorkflowInput = {
      budget_key_id: data.budget_key_id,
      organization_id: data.organization_id,
      amount: data.amount,
      parent_id: parent,
      reference_type: type === "pay" ? "payment" : "order",
      reference_id: data.reference_id,
      idempotency_key: movementKey(data.session_id, type),
      metadata: { payment_session_id: data.session_id },
      actor: systemActor("budget-payment-provider"),
    }
    return input
  }

  protected async movement_(data: BudgetPaymentData, type: "commit" | "release"): Promise<Movement | null> {
    const [m] = (await this.budget.listBudgetMovements(
      { idempotency_key: movementKey(data.session_id, type) },
      { take: 1, select: ["id", "type", "amount", "budget_key_id"] },
    )) as unknown as Movement[]
    return m ?? null
  }

  protected async required_(data: BudgetPaymentData, type: "commit"): Promise<Movement> {
    const m = await this.movement_(data, type)
    if (!m) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "El pago no está autorizado: el presupuesto aún no se ha comprometido.",
        BUDGET_ERRORS.INVALID_TRANSITION,
      )
    }
    return m
  }

  /** Runs a budget workflow; its refusal comes back as the same Spanish MedusaError. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected async run_(workflow: AnyWorkflow, input: Record<string, unknown>): Promise<any> {
    const { result, errors } = await workflow(this.app).run({ input, throwOnError: false })
    if (errors.length) {
      const e = errors[0].error as { type?: string; code?: string; message?: string }
      const type = Object.values(MedusaError.Types).includes(e.type as never) ? e.type : MedusaError.Types.UNEXPECTED_STATE
      throw new MedusaError(type as string, e.message ?? "El movimiento presupuestal no se pudo registrar.", e.code)
    }
    return result
  }
}

export default BudgetPaymentProviderService
