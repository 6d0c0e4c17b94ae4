import "reflect-metadata"
import { createHash, createPrivateKey, randomUUID, timingSafeEqual } from "node:crypto"
import type { Server } from "node:http"
import express, { type Request, type Response } from "express"
import { DataSource } from "typeorm"
import { entities } from "./entities"
import { decideFault, faultRandom, faultsFromEnv, type Fault, type FaultConfig } from "./faults"
import { openapi } from "./openapi"
import {
  certificateNumber,
  issuePacCertificate,
  parseExpression,
  readCfdi,
  stamp,
  UUID_RE,
  type IssuingCa,
  type PacCredential,
} from "./pac"
import { consultaResponse, readConsultaRequest, soapFault, type ConsultaResult } from "./soap"

export type SatSimulatorOptions = {
  databaseUrl: string
  schema?: string
  faults?: Partial<FaultConfig>
  /** The CA that issues the test PAC's certificate (the project's test CA files); null: self-signed. */
  ca: IssuingCa | null
  /** RFC of the test PAC (TimbreFiscalDigital/@RfcProvCertif). */
  pacRfc?: string
  /**
   * Shared token every call but /health must carry (`Authorization: Bearer …`);
   * `npm start` sets it (SIMULATOR_TOKEN). Unset: open, for tests that drive it directly.
   */
  token?: string
}

type Reply = { status: number; type: "xml" | "json"; body: unknown }

const EFOS_LISTED = ["presunto", "definitivo"]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const json = (status: number, body: unknown): Reply => ({ status, type: "json", body })
const err = (status: number, code: string, message: string) => json(status, { code, message })

/** "YYYY-MM-DDTHH:mm:ss" in Mexico City time. */
function mexicoNow(): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Mexico_City",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .map((x) => [x.type, x.value]),
  )
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`
}

/**
 * Creates the SAT simulator: the CFDI status service in SAT's SOAP protocol
 * (what @nodecfdi/sat-estado-cfdi speaks), the EFOS 69-B list, SAT's
 * certificate repository and a test PAC that stamps CFDIs with a
 * TimbreFiscalDigital 1.1 and registers them as Vigente. Express + TypeORM in
 * its own schema; faults by environment, seed or `X-Fault` header.
 */
export async function createSatSimulator(options: SatSimulatorOptions) {
  const schema = options.schema ?? "sat"
  const pacRfc = options.pacRfc ?? "TPA990101AA1"
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
    extra: { max: 10 },
  })
  await ds.initialize()
  const t = (name: string) => `"${schema}".${name}`

  /** The test PAC's stamping certificate: kept in the schema, issued by the test CA on first start. */
  async function pacCredential(): Promise<PacCredential> {
    const [row] = await ds.query(`SELECT serial, cer_der, key_der, password FROM ${t("certificado")} WHERE pac_activo LIMIT 1`)
    if (row) {
      return { serial: row.serial, cer_der: row.cer_der, key: createPrivateKey(row.password) }
    }
    const c = issuePacCertificate(options.ca, { rfc: pacRfc, name: "PAC DE PRUEBAS TIENDA DIGITAL" })
    // A throwaway test key: kept as PEM in the simulator's own schema.
    await ds.query(
      `INSERT INTO ${t("certificado")} (serial, rfc, cer_der, key_der, password, pac_activo) VALUES ($1, $2, $3, NULL, $4, true) ON CONFLICT (serial) DO NOTHING`,
      [c.serial, pacRfc, c.cer_der, c.key.export({ type: "pkcs8", format: "pem" })],
    )
    return pacCredential()
  }
  const pac = await pacCredential()

  async function efosSituacion(rfc: string): Promise<string | null> {
    const [row] = await ds.query(`SELECT situacion FROM ${t("efos")} WHERE rfc = $1`, [rfc.toUpperCase()])
    return row?.situacion ?? null
  }

  /** ConsultaCFDIService/Consulta: the CFDI matching the expression's id, re, rr, tt (and fe when given). */
  async function consulta(expression: string, fault: Fault): Promise<ConsultaResult> {
    const q = parseExpression(expression)
    const situacion = q.re ? await efosSituacion(q.re) : null
    const efos = situacion && EFOS_LISTED.includes(situacion) ? "100" : "200"
    const notFound: ConsultaResult = {
      CodigoEstatus: "N - 602: Comprobante no encontrado.",
      Estado: "No Encontrado",
      EsCancelable: null,
      EstatusCancelacion: null,
      ValidacionEFOS: efos,
    }
    if (!q.id || !UUID_RE.test(q.id) || fault === "not-found") {
      return notFound
    }
    const [row] = await ds.query(`SELECT * FROM ${t("cfdi")} WHERE uuid = $1`, [q.id.toUpperCase()])
    const totalMatches = row && q.tt !== undefined && /^\d+(\.\d+)?$/.test(q.tt) && Number(row.total) === Number(q.tt)
    if (
      !row ||
      row.emisor_rfc !== (q.re ?? "").toUpperCase() ||
      row.receptor_rfc !== (q.rr ?? "").toUpperCase() ||
      !totalMatches ||
      (q.fe && q.fe !== row.sello_ultimos_8)
    ) {
      return notFound
    }
    return {
      CodigoEstatus: "S - Comprobante obtenido satisfactoriamente.",
      Estado: row.estado,
      EsCancelable: row.es_cancelable,
      EstatusCancelacion: row.estatus_cancelacion,
      ValidacionEFOS: efos,
    }
  }

  /**
   * The test PAC: stamps a sealed CFDI 4.0 and registers it as Vigente. It
   * checks only the shape (well formed, a cfdi:Comprobante with Sello and
   * Certificado, not stamped yet), not the seal: tests need CFDIs with every
   * defect, and judging them is the job of the engine under test. The same
   * CFDI (same Sello) stamped twice gets its first stamp back, like a PAC's
   * "previamente timbrado".
   */
  async function timbrar(xml: string): Promise<Reply> {
    const cfdi = readCfdi(xml)
    if (!cfdi) {
      return err(422, "XML_MAL_FORMADO", "El XML no está bien formado.")
    }
    if (!cfdi.is_comprobante || cfdi.version !== "4.0") {
      return err(422, "NO_ES_CFDI_40", "El documento no es un CFDI versión 4.0.")
    }
    if (cfdi.timbre) {
      return err(409, "YA_TIMBRADO", "El CFDI ya trae un TimbreFiscalDigital.")
    }
    if (!cfdi.sello || !cfdi.certificado) {
      return err(422, "SIN_SELLO", "El CFDI no está sellado (faltan Sello o Certificado).")
    }
    const selloSha = createHash("sha256").update(cfdi.sello).digest("hex")
    const [previous] = await ds.query(`SELECT uuid, xml, fecha_timbrado FROM ${t("cfdi")} WHERE sello_sha256 = $1`, [selloSha])
    if (previous) {
      return json(200, { uuid: previous.uuid, fecha_timbrado: previous.fecha_timbrado, xml: previous.xml, previamente_timbrado: true })
    }
    const uuid = randomUUID().toUpperCase()
    const fecha = mexicoNow()
    const stamped = stamp(xml, pac, { uuid, fecha_timbrado: fecha, rfc_prov_certif: pacRfc })
    const inserted = await ds.query(
      `INSERT INTO ${t("cfdi")} (uuid, emisor_rfc, receptor_rfc, total, sello_ultimos_8, sello_sha256, estado, es_cancelable, estatus_cancelacion, xml, fecha_timbrado)
       VALUES ($1, $2, $3, $4, $5, $6, 'Vigente', 'Cancelable con aceptación', NULL, $7, $8) ON CONFLICT (sello_sha256) DO NOTHING RETURNING uuid`,
      [
        uuid,
        cfdi.emisor_rfc,
        cfdi.receptor_rfc,
        /^\d+(\.\d+)?$/.test(cfdi.total) ? cfdi.total : "0",
        cfdi.sello.slice(-8),
        selloSha,
        stamped,
        fecha,
      ],
    )
    if (!inserted.length) {
      // A concurrent request stamped the same CFDI first: answer with its stamp.
      return timbrar(xml)
    }
    return json(201, { uuid, fecha_timbrado: fecha, xml: stamped })
  }

  /** Registers a CFDI stamped elsewhere (fixtures stamped with the PAC key offline). */
  async function registrar(xml: string, estado: "Vigente" | "Cancelado"): Promise<Reply> {
    const cfdi = readCfdi(xml)
    if (!cfdi?.timbre) {
      return err(422, "SIN_TIMBRE", "Solo se registran CFDI timbrados y bien formados.")
    }
    const uuid = cfdi.timbre.uuid
    await ds.query(
      `INSERT INTO ${t("cfdi")} (uuid, emisor_rfc, receptor_rfc, total, sello_ultimos_8, sello_sha256, estado, es_cancelable, estatus_cancelacion, xml, fecha_timbrado)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Cancelable con aceptación', $8, $9, $10)
       ON CONFLICT (uuid) DO UPDATE SET estado = EXCLUDED.estado, estatus_cancelacion = EXCLUDED.estatus_cancelacion`,
      [
        uuid,
        cfdi.emisor_rfc,
        cfdi.receptor_rfc,
        /^\d+(\.\d+)?$/.test(cfdi.total) ? cfdi.total : "0",
        cfdi.sello.slice(-8),
        createHash("sha256").update(`${uuid}:${cfdi.sello}`).digest("hex"),
        estado,
        estado === "Cancelado" ? "Cancelado sin aceptación" : null,
        xml,
        cfdi.timbre.fecha_timbrado || mexicoNow(),
      ],
    )
    return json(201, { uuid, estado })
  }

  async function cancelar(uuid: string): Promise<Reply> {
    const rows = await ds.query(
      `UPDATE ${t("cfdi")} SET estado = 'Cancelado', estatus_cancelacion = 'Cancelado sin aceptación', es_cancelable = 'Cancelable sin aceptación' WHERE uuid = $1 RETURNING uuid, estado, estatus_cancelacion`,
      [uuid.toUpperCase()],
    )
    const row = Array.isArray(rows[0]) ? rows[0][0] : rows[0]
    return row ? json(200, { cfdi: row }) : err(404, "CFDI_NO_EXISTE", `El CFDI ${uuid} no existe en el simulador.`)
  }

  const app = express()
  app.use(express.text({ type: ["text/xml", "application/xml", "application/soap+xml"], limit: "4mb" }))
  app.use(express.json({ limit: "4mb" }))
  app.get("/health", (_req, res) => void res.json({ status: "ok" }))
  if (options.token) {
    const expected = Buffer.from(`Bearer ${options.token}`)
    app.use((req, res, next) => {
      const given = Buffer.from(req.get("authorization") ?? "")
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res
          .status(401)
          .json({ code: "TOKEN_REQUERIDO", message: "El simulador del SAT requiere el token compartido (Authorization: Bearer …)." })
        return
      }
      next()
    })
  }
  app.get("/openapi.json", (_req, res) => void res.json(openapi))

  /** How many requests got each fault (tests assert faults really happened). */
  const stats: Record<string, number> = {}
  let random = faultRandom(faults)

  /** Runs a handler under the fault decided for this request; `garbage` and 500s answer in the endpoint's format. */
  const faulty =
    (format: "xml" | "json", handler: (req: Request, fault: Fault) => Promise<Reply>) => async (req: Request, res: Response) => {
      const { fault, config } = decideFault(req.get("x-fault"), faults, () => random())
      stats[fault] = (stats[fault] ?? 0) + 1
      const send = (r: Reply) =>
        r.type === "xml"
          ? res
              .status(r.status)
              .type("text/xml; charset=utf-8")
              .send(r.body as string)
          : res.status(r.status).json(r.body)
      const failure = (when: string) =>
        format === "xml"
          ? { status: 500, type: "xml" as const, body: soapFault("s:Server", `Falla simulada ${when}.`) }
          : err(500, "FALLA_INYECTADA", `Falla simulada ${when}.`)
      try {
        if (config.latencyMs > 0) {
          await sleep(config.latencyMs)
        }
        if (fault === "500") {
          return void send(failure("antes de procesar"))
        }
        if (fault === "timeout") {
          await sleep(config.hangMs)
        }
        const result = await handler(req, fault)
        if (fault === "500-after") {
          return void send(failure("después de procesar"))
        }
        if (fault === "garbage") {
          return void res
            .status(200)
            .type(format === "xml" ? "text/xml" : "application/json")
            .send(format === "xml" ? "<s:Envelope><s:Body><Consulta" : '{"uuid": ')
        }
        send(result)
      } catch (e) {
        send(
          format === "xml"
            ? { status: 500, type: "xml", body: soapFault("s:Server", (e as Error).message) }
            : err(500, "ERROR_INTERNO", (e as Error).message),
        )
      }
    }

  const consultaHandler = faulty("xml", async (req, fault) => {
    const expression = readConsultaRequest(typeof req.body === "string" ? req.body : "")
    if (expression === null) {
      return { status: 400, type: "xml", body: soapFault("s:Client", "La solicitud no es un mensaje SOAP Consulta con expresionImpresa.") }
    }
    return { status: 200, type: "xml", body: consultaResponse(await consulta(expression, fault)) }
  })
  app.post("/ConsultaCFDIService.svc", consultaHandler)
  app.post(
    "/api/v1/pac/timbrar",
    faulty("json", (req) => timbrar(typeof req.body === "string" ? req.body : String(req.body?.xml ?? ""))),
  )

  // SAT's certificate repository: the certificate of a NoCertificado (CSD or PAC).
  app.get(
    "/api/v1/certificados/:serial",
    faulty("json", async (req) => {
      const [row] = await ds.query(`SELECT serial, rfc, cer_der FROM ${t("certificado")} WHERE serial = $1`, [req.params.serial])
      return row
        ? json(200, { no_certificado: row.serial, rfc: row.rfc, certificado: Buffer.from(row.cer_der).toString("base64") })
        : err(404, "CERTIFICADO_NO_EXISTE", `No existe el certificado ${req.params.serial}.`)
    }),
  )

  // EFOS (art. 69-B CFF) list.
  app.get(
    "/api/v1/efos",
    async (_req, res) => void res.json({ efos: await ds.query(`SELECT rfc, nombre, situacion FROM ${t("efos")} ORDER BY rfc`) }),
  )
  app.get("/api/v1/efos/:rfc", async (req, res) => {
    const [row] = await ds.query(`SELECT rfc, nombre, situacion FROM ${t("efos")} WHERE rfc = $1`, [req.params.rfc.toUpperCase()])
    if (!row) {
      return void res.status(404).json({ code: "RFC_NO_LISTADO", message: "El RFC no está en la lista 69-B." })
    }
    res.json({ efos: row })
  })
  app.post("/api/v1/efos", async (req, res) => {
    const { rfc, nombre, situacion } = (req.body ?? {}) as Record<string, string>
    if (!rfc || !["presunto", "definitivo", "desvirtuado", "sentencia_favorable"].includes(situacion)) {
      return void res.status(422).json({
        code: "DATOS_INVALIDOS",
        message: "rfc y situacion (presunto, definitivo, desvirtuado, sentencia_favorable) son obligatorios.",
      })
    }
    await ds.query(
      `INSERT INTO ${t("efos")} (rfc, nombre, situacion) VALUES ($1, $2, $3) ON CONFLICT (rfc) DO UPDATE SET nombre = EXCLUDED.nombre, situacion = EXCLUDED.situacion`,
      [rfc.toUpperCase(), nombre ?? null, situacion],
    )
    res.status(201).json({ efos: { rfc: rfc.toUpperCase(), nombre: nombre ?? null, situacion } })
  })
  app.delete("/api/v1/efos/:rfc", async (req, res) => {
    await ds.query(`DELETE FROM ${t("efos")} WHERE rfc = $1`, [req.params.rfc.toUpperCase()])
    res.json({ rfc: req.params.rfc.toUpperCase(), deleted: true })
  })

  // Test helpers (no fault injection): look up, register, cancel, trust another certificate.
  app.get("/api/v1/cfdi/:uuid", async (req, res) => {
    const [row] = await ds.query(
      `SELECT uuid, emisor_rfc, receptor_rfc, total::text, estado, es_cancelable, estatus_cancelacion, fecha_timbrado FROM ${t("cfdi")} WHERE uuid = $1`,
      [req.params.uuid.toUpperCase()],
    )
    if (!row) {
      return void res.status(404).json({ code: "CFDI_NO_EXISTE", message: "El CFDI no existe en el simulador." })
    }
    res.json({ cfdi: row })
  })
  app.post("/api/v1/cfdi", async (req, res) => {
    const body = (req.body ?? {}) as { xml?: string; estado?: string }
    const r = await registrar(String(body.xml ?? ""), body.estado === "Cancelado" ? "Cancelado" : "Vigente")
    res.status(r.status).json(r.body)
  })
  app.post("/api/v1/cfdi/:uuid/cancelar", async (req, res) => {
    const r = await cancelar(req.params.uuid)
    res.status(r.status).json(r.body)
  })
  app.post("/api/v1/certificados", async (req, res) => {
    const { certificado, rfc } = (req.body ?? {}) as Record<string, string>
    const serial = certificateNumber(String(certificado ?? ""))
    if (!serial) {
      return void res.status(422).json({ code: "CERTIFICADO_INVALIDO", message: "certificado debe ser un X.509 DER en base64." })
    }
    await ds.query(`INSERT INTO ${t("certificado")} (serial, rfc, cer_der) VALUES ($1, $2, $3) ON CONFLICT (serial) DO NOTHING`, [
      serial,
      String(rfc ?? ""),
      Buffer.from(String(certificado), "base64"),
    ])
    res.status(201).json({ no_certificado: serial })
  })

  let server: Server | null = null
  return {
    app,
    dataSource: ds,
    schema,
    faults,
    stats,
    /** Starts the seeded fault sequence again from its first draw (tests replaying a run). */
    restartFaults() {
      random = faultRandom(faults)
    },
    /** The test PAC's certificate (NoCertificadoSAT and base64 DER). */
    pacCertificate: { serial: pac.serial, der_base64: Buffer.from(pac.cer_der).toString("base64"), rfc: pacRfc },
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
