import { timingSafeEqual } from "node:crypto"
import "reflect-metadata"
import { randomBytes } from "node:crypto"
import type { Server } from "node:http"
import express, { type Request, type Response } from "express"
import { DataSource, type EntityManager } from "typeorm"
import { entities } from "./entities"
import { decideFault, faultRandom, faultsFromEnv, type FaultConfig } from "./faults"
import { openapi } from "./openapi"
import { seedClaves } from "./seed-data"

type Stage = "disponible" | "reservado" | "comprometido" | "devengado" | "ejercido" | "pagado"
type Result = { status: number; json: Record<string, unknown> }

export type SimulatorOptions = {
  databaseUrl: string
  schema?: string
  faults?: Partial<FaultConfig>
  /** Seed the demo claves when missing (default true). */
  seed?: boolean
  /** ms after issuance before a CLC is paid by SPEI (default 0). */
  settlementMs?: number
  /**
   * Shared token every call but /health must carry (`Authorization: Bearer …`);
   * `npm start` sets it (SIMULATOR_TOKEN). Unset: open, for tests that drive it directly.
   */
  token?: string
}

const AMOUNT = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,2})?$/
const DISPONIBLE = "(modificado - reservado - comprometido - devengado - ejercido - pagado)"
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const KINDS: Record<
  string,
  { tipo: string; from: (origenHacia: Stage | null) => Stage | null; to: Stage | "origen"; needsOrigin: boolean }
> = {
  precompromiso: { tipo: "precompromiso", from: () => "disponible", to: "reservado", needsOrigin: false },
  compromiso: { tipo: "compromiso", from: (o) => (o ? "reservado" : "disponible"), to: "comprometido", needsOrigin: false },
  liberacion: { tipo: "liberacion", from: (o) => o, to: "disponible", needsOrigin: true },
  devengo: { tipo: "devengo", from: () => "comprometido", to: "devengado", needsOrigin: true },
  clc: { tipo: "clc", from: () => "devengado", to: "ejercido", needsOrigin: true },
}

/** Rows of any statement (TypeORM returns [rows, count] for UPDATE/DELETE otherwise). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function q(m: EntityManager, sql: string, params: unknown[] = []): Promise<any[]> {
  const result = await m.queryRunner!.query(sql, params, true)
  return result.records ?? []
}

function err(status: number, code: string, message: string): Result {
  return { status, json: { code, message } }
}

/** Moves `importe` between stages of a clave under the guard; false when refused. */
async function move(m: EntityManager, s: string, clave: string, from: Stage, to: Stage, importe: string): Promise<boolean> {
  const sets: string[] = []
  if (from !== "disponible") {
    sets.push(`${from} = ${from} - $2::numeric`)
  }
  if (to !== "disponible") {
    sets.push(`${to} = ${to} + $2::numeric`)
  }
  const guard = from === "disponible" ? `${DISPONIBLE} >= $2::numeric` : `${from} >= $2::numeric`
  const rows = await q(m, `UPDATE "${s}".clave SET ${sets.join(", ")}, updated_at = now() WHERE clave = $1 AND ${guard} RETURNING clave`, [
    clave,
    importe,
  ])
  return rows.length > 0
}

/** Creates the SICOP/SIAFF simulator (express app + TypeORM data source). */
export async function createSimulator(options: SimulatorOptions) {
  const schema = options.schema ?? "sicop_siaff"
  const faults: FaultConfig = { ...faultsFromEnv({}), ...options.faults }
  const boot = new DataSource({ type: "postgres", url: options.databaseUrl })
  await boot.initialize()
  await boot.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
  await boot.destroy()
  const ds = new DataSource({
    type: "postgres",
    url: options.databaseUrl,
    schema,
    entities: entities(schema),
    synchronize: true,
    extra: { max: 20 },
  })
  await ds.initialize()
  if (options.seed !== false) {
    for (const c of seedClaves()) {
      await ds.query(`INSERT INTO "${schema}".clave (clave, partida, modificado) VALUES ($1, $2, $3) ON CONFLICT (clave) DO NOTHING`, [
        c.clave,
        c.partida,
        c.modificado,
      ])
    }
  }

  const folio = (prefix: string) => `${prefix}-${Date.now().toString(36).toUpperCase()}-${randomBytes(4).toString("hex").toUpperCase()}`

  async function operate(kind: string, body: Record<string, unknown>): Promise<Result> {
    const k = KINDS[kind]
    const key = String(body.idempotency_key ?? "")
    const clave = String(body.clave ?? "")
    const importe = String(body.importe ?? "")
    const origen = body.origen ? String(body.origen) : null
    if (!k) {
      return err(404, "OPERACION_DESCONOCIDA", `Operación ${kind} desconocida.`)
    }
    if (!key || !clave || !AMOUNT.test(importe) || Number(importe) <= 0) {
      return err(422, "DATOS_INVALIDOS", "idempotency_key, clave e importe (> 0, dos decimales) son obligatorios.")
    }
    if (k.needsOrigin && !origen) {
      return err(422, "ORIGEN_REQUERIDO", "La operación requiere la operación de origen.")
    }
    const payee = k.tipo === "clc" ? clcPayee(body, importe) : null
    if (payee && "error" in payee) {
      return err(422, "DEDUCCIONES_INVALIDAS", payee.error)
    }
    return ds.transaction(async (m) => {
      const existing = await q(m, `SELECT * FROM "${schema}".operacion WHERE idempotency_key = $1`, [key])
      if (existing.length) {
        return replay(m, existing[0], k.tipo, clave, importe)
      }
      let originTo: Stage | null = null
      if (origen) {
        const [o] = await q(m, `SELECT hacia, estado, clave FROM "${schema}".operacion WHERE idempotency_key = $1`, [origen])
        if (!o || o.estado !== "aplicada" || o.clave !== clave) {
          return err(422, "ORIGEN_INVALIDO", `La operación de origen ${origen} no existe, fue cancelada o es de otra clave.`)
        }
        originTo = o.hacia
      }
      const from = k.from(originTo)
      const to = (k.to === "origen" ? originTo : k.to) as Stage
      if (!from) {
        return err(422, "ORIGEN_INVALIDO", "Operación de origen inválida.")
      }
      const f = folio(k.tipo === "clc" ? "CLC" : "SIAFF")
      const inserted = await q(
        m,
        `INSERT INTO "${schema}".operacion (idempotency_key, folio, tipo, clave, importe, desde, hacia, origen, referencia, estado)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'aplicada') ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
        [key, f, k.tipo, clave, importe, from, to, origen, body.referencia ?? null],
      )
      if (!inserted.length) {
        const [row] = await q(m, `SELECT * FROM "${schema}".operacion WHERE idempotency_key = $1`, [key])
        return replay(m, row, k.tipo, clave, importe)
      }
      const [exists] = await q(m, `SELECT ${DISPONIBLE}::text AS disponible FROM "${schema}".clave WHERE clave = $1`, [clave])
      if (!exists) {
        await q(m, `DELETE FROM "${schema}".operacion WHERE idempotency_key = $1`, [key])
        return err(404, "CLAVE_NO_EXISTE", `La clave presupuestaria ${clave} no existe en SICOP/SIAFF.`)
      }
      if (!(await move(m, schema, clave, from, to, importe))) {
        await q(m, `DELETE FROM "${schema}".operacion WHERE idempotency_key = $1`, [key])
        return err(
          409,
          "FONDOS_INSUFICIENTES",
          `SICOP/SIAFF: la clave ${clave} no tiene fondos suficientes en «${from}» para ${importe} MXN (disponible ${exists.disponible}).`,
        )
      }
      if (k.tipo === "clc") {
        const ben = (body.beneficiario ?? {}) as { rfc?: string; clabe?: string }
        const p = payee as { neto: string; deducciones: unknown[] }
        await q(
          m,
          `INSERT INTO "${schema}".clc (folio, operacion_key, clave, importe, importe_neto, deducciones, beneficiario_rfc, beneficiario_clabe, estado)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'emitida')`,
          [f, key, clave, importe, p.neto, JSON.stringify(p.deducciones), ben.rfc ?? null, ben.clabe ?? null],
        )
      }
      return { status: 201, json: { operacion: present(inserted[0]) } }
    })
  }

  /**
   * A CLC's net amount and deductions (TESOFE pays the beneficiary the net and
   * withholds the rest): net = importe − Σ deducciones, to the centavo.
   */
  function clcPayee(body: Record<string, unknown>, importe: string): { neto: string; deducciones: unknown[] } | { error: string } {
    const list = Array.isArray(body.deducciones) ? (body.deducciones as { tipo?: unknown; importe?: unknown; referencia?: unknown }[]) : []
    const cents = (v: string) => {
      const [whole, frac = ""] = v.split(".")
      return BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0"))
    }
    const show = (c: bigint) => `${c < 0n ? "-" : ""}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, "0")}`
    let withheld = 0n
    for (const d of list) {
      if (!d || typeof d.tipo !== "string" || !AMOUNT.test(String(d.importe ?? "")) || Number(d.importe) <= 0) {
        return { error: "Cada deducción lleva tipo e importe (> 0, dos decimales)." }
      }
      withheld += cents(String(d.importe))
    }
    const neto = cents(importe) - withheld
    if (neto < 0n) {
      return { error: `Las deducciones (${show(withheld)}) exceden el importe de la CLC (${importe}).` }
    }
    if (
      body.importe_neto !== undefined &&
      body.importe_neto !== null &&
      (!AMOUNT.test(String(body.importe_neto)) || cents(String(body.importe_neto)) !== neto)
    ) {
      return { error: `El importe neto (${String(body.importe_neto)}) no es el importe menos las deducciones (${show(neto)}).` }
    }
    return {
      neto: show(neto),
      deducciones: list.map((d) => ({ tipo: d.tipo, importe: String(d.importe), referencia: d.referencia ?? null })),
    }
  }

  async function replay(m: EntityManager, row: Record<string, unknown>, tipo: string, clave: string, importe: string): Promise<Result> {
    await q(m, `UPDATE "${schema}".operacion SET solicitudes = solicitudes + 1 WHERE idempotency_key = $1`, [row.idempotency_key])
    if (row.estado === "cancelada") {
      return err(409, "OPERACION_CANCELADA", `La operación ${String(row.idempotency_key)} fue cancelada; usa una llave nueva.`)
    }
    if (row.tipo !== tipo || row.clave !== clave || Number(row.importe) !== Number(importe)) {
      return err(422, "IDEMPOTENCIA_CONFLICTO", "La llave de idempotencia ya se usó con otros datos.")
    }
    return { status: 200, json: { operacion: present(row), repetida: true } }
  }

  function present(row: Record<string, unknown>) {
    return {
      idempotency_key: row.idempotency_key,
      folio: row.folio,
      tipo: row.tipo,
      clave: row.clave,
      importe: Number(row.importe).toFixed(2),
      desde: row.desde,
      hacia: row.hacia,
      origen: row.origen,
      estado: row.estado,
    }
  }

  /** Undoes an operation by key; a tombstone when it never arrived (a late arrival is refused). */
  async function cancel(key: string): Promise<Result> {
    return ds.transaction(async (m) => {
      await q(
        m,
        `INSERT INTO "${schema}".operacion (idempotency_key, folio, tipo, clave, importe, desde, hacia, estado)
         VALUES ($1, $2, 'ninguna', '', 0, 'disponible', 'disponible', 'cancelada') ON CONFLICT (idempotency_key) DO NOTHING`,
        [key, folio("CANC")],
      )
      const [op] = await q(m, `SELECT * FROM "${schema}".operacion WHERE idempotency_key = $1 FOR UPDATE`, [key])
      if (op.estado === "cancelada") {
        return { status: 200, json: { operacion: present(op) } }
      }
      const children = await q(m, `SELECT 1 FROM "${schema}".operacion WHERE origen = $1 AND estado = 'aplicada'`, [key])
      if (children.length) {
        return err(409, "OPERACION_CON_DERIVADAS", "La operación tiene operaciones derivadas vigentes; cancélalas primero.")
      }
      if (!(await move(m, schema, op.clave, op.hacia, op.desde, op.importe))) {
        return err(409, "NO_REVERSIBLE", "La operación ya no puede revertirse.")
      }
      const [row] = await q(m, `UPDATE "${schema}".operacion SET estado = 'cancelada' WHERE idempotency_key = $1 RETURNING *`, [key])
      if (op.tipo === "clc") {
        await q(m, `UPDATE "${schema}".clc SET estado = 'cancelada' WHERE operacion_key = $1`, [key])
      }
      return { status: 200, json: { operacion: present(row) } }
    })
  }

  async function clcStatus(f: string): Promise<Result> {
    return ds.transaction(async (m) => {
      const [c] = await q(m, `SELECT * FROM "${schema}".clc WHERE folio = $1 FOR UPDATE`, [f])
      if (!c) {
        return err(404, "CLC_NO_EXISTE", `La CLC ${f} no existe.`)
      }
      if (c.estado === "emitida" && Date.now() - new Date(c.created_at).getTime() >= (options.settlementMs ?? 0)) {
        // TESOFE pays by SPEI: ejercido → pagado, with a clave de rastreo.
        await move(m, schema, c.clave, "ejercido", "pagado", c.importe)
        const rastreo = `TESOFE${new Date().toISOString().slice(0, 10).replace(/-/g, "")}${randomBytes(5).toString("hex").toUpperCase()}`
        const [u] = await q(
          m,
          `UPDATE "${schema}".clc SET estado = 'pagada', clave_rastreo = $2, fecha_pago = now() WHERE folio = $1 RETURNING *`,
          [f, rastreo],
        )
        Object.assign(c, u)
      }
      return {
        status: 200,
        json: {
          clc: {
            folio: c.folio,
            clave: c.clave,
            importe: Number(c.importe).toFixed(2),
            importe_neto:
              c.importe_neto === null || c.importe_neto === undefined ? Number(c.importe).toFixed(2) : Number(c.importe_neto).toFixed(2),
            deducciones: c.deducciones ?? [],
            estado: c.estado,
            clave_rastreo: c.clave_rastreo,
            fecha_pago: c.fecha_pago ? new Date(c.fecha_pago).toISOString() : null,
            beneficiario: { rfc: c.beneficiario_rfc, clabe: c.beneficiario_clabe },
          },
        },
      }
    })
  }

  async function clave(c: string): Promise<Result> {
    const [row] = await ds.query(
      `SELECT clave, partida, modificado::text, reservado::text, comprometido::text, devengado::text, ejercido::text, pagado::text,
              ${DISPONIBLE}::text AS disponible FROM "${schema}".clave WHERE clave = $1`,
      [c],
    )
    return row
      ? { status: 200, json: { clave: row } }
      : err(404, "CLAVE_NO_EXISTE", `La clave presupuestaria ${c} no existe en SICOP/SIAFF.`)
  }

  async function upsertClave(body: Record<string, unknown>): Promise<Result> {
    const c = String(body.clave ?? "")
    const modificado = String(body.modificado ?? "")
    if (!c || !AMOUNT.test(modificado)) {
      return err(422, "DATOS_INVALIDOS", "clave y modificado son obligatorios.")
    }
    await ds.query(
      `INSERT INTO "${schema}".clave (clave, partida, modificado) VALUES ($1, $2, $3)
       ON CONFLICT (clave) DO UPDATE SET modificado = EXCLUDED.modificado`,
      [c, String(body.partida ?? c.split("-")[4] ?? ""), modificado],
    )
    return clave(c)
  }

  const app = express()
  app.use(express.json())
  app.get("/health", (_req, res) => void res.json({ status: "ok" }))
  if (options.token) {
    const expected = `Bearer ${options.token}`
    app.use((req, res, next) => {
      const given = req.get("authorization") ?? ""
      const ok = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
      if (!ok) {
        res
          .status(401)
          .json({ code: "TOKEN_REQUERIDO", message: "El simulador SICOP/SIAFF requiere el token compartido (Authorization: Bearer …)." })
        return
      }
      next()
    })
  }
  app.get("/openapi.json", (_req, res) => void res.json(openapi))

  /** How many requests got each fault (tests assert faults really happened). */
  const stats: Record<string, number> = {}

  /**
   * Holds armed by tests (`holdNext`): the next operation of a kind waits,
   * after it arrived and before it is applied, until the test releases it —
   * the deterministic way to kill the caller while its call is in flight.
   */
  const holds = new Map<string, { arrived: () => void; released: Promise<"apply" | "drop"> }[]>()
  const held = async (kind: string | null): Promise<"apply" | "drop"> => {
    const hold = kind ? holds.get(kind)?.shift() : undefined
    if (!hold) {
      return "apply"
    }
    hold.arrived()
    return hold.released
  }

  const random = faultRandom(faults)
  /** Runs a handler under the fault decided for this request. */
  const faulty =
    (handler: (req: Request) => Promise<Result>, holdKind?: (req: Request) => string) => async (req: Request, res: Response) => {
      const { fault, config } = decideFault(req.get("x-fault"), faults, random)
      stats[fault] = (stats[fault] ?? 0) + 1
      try {
        if ((await held(holdKind ? holdKind(req) : null)) === "drop") {
          return void res.destroy()
        }
        if (config.latencyMs > 0) {
          await sleep(config.latencyMs)
        }
        if (fault === "500") {
          return void res.status(500).json({ code: "FALLA_INYECTADA", message: "Falla simulada antes de procesar." })
        }
        if (fault === "timeout") {
          await sleep(config.hangMs)
        }
        let result = await handler(req)
        if (fault === "duplicate") {
          result = await handler(req)
        }
        if (fault === "500-after") {
          return void res.status(500).json({ code: "FALLA_INYECTADA", message: "Falla simulada después de procesar." })
        }
        if (fault === "timeout-after") {
          await sleep(config.hangMs)
        }
        res.status(result.status).json(result.json)
      } catch (e) {
        res.status(500).json({ code: "ERROR_INTERNO", message: (e as Error).message })
      }
    }

  app.get(
    "/api/v1/claves/:clave",
    faulty((req) => clave(String(req.params.clave))),
  )
  app.post("/api/v1/claves", (req, res) => void upsertClave(req.body ?? {}).then((r) => res.status(r.status).json(r.json)))
  app.post(
    "/api/v1/operaciones/:key/cancelar",
    faulty((req) => cancel(String(req.params.key))),
  )
  app.get(
    "/api/v1/operaciones/:key",
    faulty(async (req) => {
      const [row] = await ds.query(`SELECT * FROM "${schema}".operacion WHERE idempotency_key = $1`, [req.params.key])
      return row
        ? { status: 200, json: { operacion: { ...present(row), solicitudes: row.solicitudes } } }
        : err(404, "OPERACION_NO_EXISTE", "La operación no existe.")
    }),
  )
  app.post(
    "/api/v1/operaciones/:kind",
    faulty(
      (req) => operate(String(req.params.kind), req.body ?? {}),
      (req) => String(req.params.kind),
    ),
  )
  app.get(
    "/api/v1/clc/:folio",
    faulty((req) => clcStatus(String(req.params.folio))),
  )

  let server: Server | null = null
  return {
    app,
    dataSource: ds,
    schema,
    faults,
    stats,
    /**
     * Holds the next `kind` operation (precompromiso, compromiso, clc…) once
     * it arrives: `arrived` resolves when it is here, `release("apply")`
     * applies it (late: its caller may be gone), `release("drop")` closes the
     * connection without applying it.
     */
    holdNext(kind: string) {
      let arrived!: () => void
      let release!: (mode: "apply" | "drop") => void
      const hold = {
        arrived: new Promise<void>((r) => (arrived = r)),
        released: new Promise<"apply" | "drop">((r) => (release = r)),
      }
      holds.set(kind, [...(holds.get(kind) ?? []), { arrived, released: hold.released }])
      return { arrived: hold.arrived, release }
    },
    /** The listening server (null before listen). */
    server: () => server,
    /** Loopback only by default: the simulator is not a service for the network. */
    listen(port: number, host = "127.0.0.1") {
      return new Promise<Server>((resolve) => {
        server = app.listen(port, host, () => resolve(server as Server))
      })
    },
    async close() {
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
      server?.closeAllConnections?.()
      await ds.destroy()
    },
  }
}
