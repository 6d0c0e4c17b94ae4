const op = (summary: string, body?: Record<string, unknown>) => ({
  summary,
  parameters: [
    {
      name: "X-Fault",
      in: "header",
      required: false,
      schema: { type: "string" },
      description:
        "Fault injection: 500, 500-after, timeout, timeout-after, duplicate, latency=<ms>, rate500=<p>, ratetimeout=<p>, rateduplicate=<p>, hang=<ms>",
    },
  ],
  ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body } } } } : {}),
  responses: {
    "200": { description: "Replay of an operation already applied with the same idempotency_key" },
    "201": { description: "Applied" },
    "409": { description: "FONDOS_INSUFICIENTES, OPERACION_CANCELADA" },
    "422": { description: "DATOS_INVALIDOS, ORIGEN_INVALIDO, IDEMPOTENCIA_CONFLICTO" },
    "500": { description: "Injected fault" },
  },
})

const operation = {
  type: "object",
  required: ["idempotency_key", "clave", "importe"],
  properties: {
    idempotency_key: { type: "string" },
    clave: { type: "string", example: "2026-12-510-M001-21101-1-09" },
    importe: { type: "string", pattern: "^\\d+(\\.\\d{1,2})?$" },
    origen: { type: "string", nullable: true, description: "idempotency_key of the operation drawn from" },
    referencia: { type: "string" },
  },
}

/** OpenAPI 3.0 description of the simulator. */
export const openapi = {
  openapi: "3.0.3",
  info: {
    title: "SICOP/SIAFF simulator",
    version: "0.1.0",
    description:
      "Budget keys (claves presupuestarias) with the stages of the expense, pre-commitments, commitments, releases, accruals, CLC issuance and SPEI settlement with clave de rastreo. Every operation is keyed by idempotency_key; cancelling a key that never arrived leaves a tombstone so a late arrival is refused.",
  },
  paths: {
    "/health": { get: { summary: "Liveness", responses: { "200": { description: "ok" } } } },
    "/api/v1/claves": {
      post: op("Create or update a clave (tests, seeding)", {
        type: "object",
        properties: { clave: { type: "string" }, modificado: { type: "string" } },
      }),
    },
    "/api/v1/claves/{clave}": {
      get: {
        ...op("Availability of a clave (stage balances and disponible)"),
        parameters: [{ name: "clave", in: "path", required: true, schema: { type: "string" } }],
      },
    },
    "/api/v1/operaciones/precompromiso": { post: op("Reserve (pre-commit): disponible → reservado", operation) },
    "/api/v1/operaciones/compromiso": { post: op("Commit: reservado (with origen) or disponible → comprometido", operation) },
    "/api/v1/operaciones/liberacion": { post: op("Release: origen's stage → disponible", operation) },
    "/api/v1/operaciones/devengo": { post: op("Accrue: comprometido → devengado", operation) },
    "/api/v1/operaciones/clc": {
      post: op("Request the CLC: devengado → ejercido; returns the CLC folio", {
        ...operation,
        properties: {
          ...operation.properties,
          beneficiario: { type: "object", properties: { rfc: { type: "string" }, clabe: { type: "string" } } },
          importe_neto: { type: "string", description: "importe − Σ deducciones (paid to the beneficiary)" },
          deducciones: {
            type: "array",
            items: {
              type: "object",
              properties: { tipo: { type: "string" }, importe: { type: "string" }, referencia: { type: "string" } },
            },
          },
        },
      }),
    },
    "/api/v1/operaciones/{key}": { get: op("Status of an operation by idempotency key") },
    "/api/v1/operaciones/{key}/cancelar": { post: op("Compensation: undo an operation (tombstone if it never arrived)") },
    "/api/v1/clc/{folio}": { get: op("CLC payment status; once settled: estado=pagada, clave_rastreo (SPEI), fecha_pago") },
  },
}
