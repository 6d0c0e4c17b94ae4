import { MedusaError } from "@medusajs/framework/utils"
import { BUDGET_ERRORS } from "../utils/errors"
import type { BudgetProvider, BudgetProviderOptions, ClcPayee, ExternalOperation, ExternalResult, PaymentStatus } from "./types"

type Logger = { warn: (m: string) => void }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

class RetryableError extends Error {}

/**
 * HTTP client of SICOP/SIAFF (the shape a real integration would have).
 * Every call carries the idempotency key of the operation; 5xx answers,
 * timeouts and network errors are retried with exponential backoff and the
 * SAME key, so the external system applies each operation at most once.
 */
export class SicopSiaffProvider implements BudgetProvider {
  readonly kind = "sicop_siaff" as const
  private readonly url: string
  private readonly timeoutMs: number
  private readonly attempts: number
  private readonly backoffMs: number

  constructor(
    private readonly options: BudgetProviderOptions,
    private readonly logger?: Logger,
  ) {
    this.url = (options.sicopSiaffUrl ?? "http://localhost:9100").replace(/\/$/, "")
    this.timeoutMs = options.timeoutMs ?? 2000
    this.attempts = Math.max(1, options.attempts ?? 4)
    this.backoffMs = options.backoffMs ?? 50
  }

  private async once(method: string, path: string, body?: unknown) {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.timeoutMs)
    try {
      const res = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(this.options.faultHeader ? { "x-fault": this.options.faultHeader } : {}),
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
          ...(body && typeof body === "object" && "idempotency_key" in body
            ? { "idempotency-key": String((body as { idempotency_key: string }).idempotency_key) }
            : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      })
      const text = await res.text()
      const json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
      if (res.status >= 500) {
        throw new RetryableError(`HTTP ${res.status}`)
      }
      return { status: res.status, json }
    } catch (e) {
      if (e instanceof RetryableError) {
        throw e
      }
      // Abort (timeout), connection refused/reset, truncated body.
      throw new RetryableError((e as Error).message)
    } finally {
      clearTimeout(timer)
    }
  }

  private async call(method: string, path: string, body?: unknown) {
    let last = ""
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        const { status, json } = await this.once(method, path, body)
        if (status === 409 && json.code === BUDGET_ERRORS.INSUFFICIENT) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            String(json.message ?? "SICOP/SIAFF informa que la clave no tiene fondos suficientes."),
            BUDGET_ERRORS.INSUFFICIENT,
          )
        }
        if (status >= 400) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `SICOP/SIAFF rechazó la operación: ${String(json.message ?? status)}`,
            BUDGET_ERRORS.EXTERNAL_REFUSED,
          )
        }
        return json
      } catch (e) {
        if (!(e instanceof RetryableError)) {
          throw e
        }
        last = e.message
        if (attempt < this.attempts) {
          const delay = this.backoffMs * 2 ** (attempt - 1)
          await sleep(delay + Math.floor(Math.random() * delay))
        }
      }
    }
    this.logger?.warn(`sicop-siaff: ${method} ${path} failed after ${this.attempts} attempts (${last})`)
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "SICOP/SIAFF no respondió; la operación presupuestal no se aplicó. Intenta de nuevo en unos minutos.",
      BUDGET_ERRORS.EXTERNAL_UNAVAILABLE,
    )
  }

  private async operation(kind: string, op: ExternalOperation, extra: Record<string, unknown> = {}) {
    const json = await this.call("POST", `/api/v1/operaciones/${kind}`, {
      idempotency_key: op.idempotency_key,
      clave: op.clave,
      importe: op.amount,
      origen: op.origin_key ?? null,
      referencia: `${op.reference_type}:${op.reference_id}`,
      ...extra,
    })
    const operation = json.operacion as { folio: string; estado: string } | undefined
    return { folio: operation?.folio ?? null, status: operation?.estado } as ExternalResult
  }

  async availability(clave: string): Promise<string | null> {
    const json = await this.call("GET", `/api/v1/claves/${encodeURIComponent(clave)}`)
    return String((json.clave as { disponible: string }).disponible)
  }

  reserve = (op: ExternalOperation) => this.operation("precompromiso", op)
  commit = (op: ExternalOperation) => this.operation("compromiso", op)
  release = (op: ExternalOperation) => this.operation("liberacion", op)
  accrue = (op: ExternalOperation) => this.operation("devengo", op)

  requestClc(op: ExternalOperation & ClcPayee) {
    return this.operation("clc", op, {
      beneficiario: { rfc: op.beneficiary_rfc ?? null, clabe: op.beneficiary_clabe ?? null },
      ...(op.deductions?.length
        ? {
            importe_neto: op.net_amount ?? null,
            deducciones: op.deductions.map((d) => ({ tipo: d.type, importe: d.amount, referencia: d.reference ?? null })),
          }
        : {}),
    })
  }

  async paymentStatus(folio: string): Promise<PaymentStatus> {
    const json = await this.call("GET", `/api/v1/clc/${encodeURIComponent(folio)}`)
    const clc = json.clc as { estado: PaymentStatus["status"]; clave_rastreo: string | null; fecha_pago: string | null }
    return { status: clc.estado, clave_rastreo: clc.clave_rastreo, paid_at: clc.fecha_pago }
  }

  async cancel(idempotencyKey: string): Promise<void> {
    await this.call("POST", `/api/v1/operaciones/${encodeURIComponent(idempotencyKey)}/cancelar`, {
      idempotency_key: `cancel:${idempotencyKey}`,
    })
  }
}
