import { dirname } from "node:path"
import { z } from "@medusajs/framework/zod"
import { authorize, idempotent, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { customRouteRules } from "../api/middlewares"
import { openApiDocument } from "./app"
import { openApiProblems } from "./check"
import { buildOpenApiDocument, OPENAPI_METHODS, openApiPath } from "./document"

// JSON Schema 2020-12 (OpenAPI 3.1's dialect): ajv 8, as installed for ajv-formats
type Ajv = { validateSchema(s: unknown): boolean; errorsText(): string; compile(s: unknown): (d: unknown) => boolean }
const ajvDir = dirname(require.resolve("ajv-formats/package.json"))
const Ajv2020 = (require(require.resolve("ajv/dist/2020", { paths: [ajvDir] })) as { default: new (o: object) => Ajv }).default
const ajv = new Ajv2020({ strict: false, validateFormats: false })
const validateSchema = (schema: unknown) => (ajv.validateSchema(schema) ? undefined : ajv.errorsText())

describe("the published API (GET /openapi.json)", () => {
  const doc = openApiDocument()

  it("is a valid OpenAPI 3.1 document whose schemas are JSON Schema 2020-12", () => {
    expect(doc.openapi).toBe("3.1.0")
    expect(openApiProblems(doc, validateSchema)).toEqual([])
  })

  it("describes every custom route × method of the route map (ours and every plugin's), itself included", () => {
    const missing = customRouteRules().flatMap((rule) =>
      (rule.methods === "*" ? ["*"] : rule.methods)
        .filter((m) => !doc.paths[openApiPath(rule.path).path]?.[m.toLowerCase()])
        .map((m) => `${m} ${rule.path} (${rule.source})`),
    )
    expect(missing).toEqual([])
    expect(doc.paths["/openapi.json"].get).toBeDefined()
    // the plugins the issue names: store, supplier, observer, auditor, admin and public routes
    const namespaces = new Set(Object.keys(doc.paths).map((p) => p.split("/")[1]))
    expect([...namespaces]).toEqual(expect.arrayContaining(["store", "supplier", "auditor", "admin", "public"]))
    expect(Object.keys(doc.paths).length).toBeGreaterThan(60)
  })

  it("takes each route's access from its authorize guard and its inputs from its zod validators", () => {
    const create = doc.paths["/store/requisitions"].post as Record<string, any>
    expect(create["x-tienda-access"]).toEqual({ kind: "permission", actors: ["customer"], permission: PERMISSIONS.REQUISITIONS_CREATE })
    expect(create.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }])
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["400", "401", "403", "409"]))
    expect(create.responses["403"]["x-error-codes"]).toContain("PERMISO_DENEGADO")
    expect(create.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["x-publishable-api-key", "Idempotency-Key"]),
    )
    expect(create.requestBody.content["application/json"].schema.type).toBe("object")

    const checkpoints = doc.paths["/public/audit/checkpoints"].get as Record<string, any>
    expect(checkpoints.security).toEqual([])
    expect(checkpoints.responses["401"]).toBeUndefined()
    expect(checkpoints.parameters.every((p: { in: string }) => p.in === "query")).toBe(true)

    // a list route publishes its query config: the fields a client may ask for, and the refusal of others
    const list = doc.paths["/store/requisitions"].get as Record<string, any>
    const fields = list.parameters.find((p: { name: string }) => p.name === "fields")
    expect(fields).toEqual(expect.objectContaining({ in: "query", required: false, schema: expect.objectContaining({ type: "string" }) }))
    expect(fields["x-allowed-fields"]).toEqual(expect.arrayContaining(["id", "number", "status", "total"]))
    expect(fields["x-default-fields"]).toEqual(fields["x-allowed-fields"])
    expect(list.responses["400"]["x-error-codes"]).toContain("CAMPOS_NO_PERMITIDOS")

    const detail = doc.paths["/store/requisitions/{id}"].get as Record<string, any>
    expect(detail.parameters).toContainEqual({ name: "id", in: "path", required: true, schema: { type: "string" } })
  })

  it("builds the body schema from the validator itself: what zod refuses, the schema refuses", () => {
    const Body = z
      .object({ amount: z.string().regex(/^\d+\.\d{2}$/), lines: z.array(z.object({ sku: z.string().min(1) })).min(1) })
      .strict()
    const Query = z.object({ q: z.string().max(10).optional(), ...{ limit: z.coerce.number().int().min(1).max(200).default(50) } }).strict()
    const routes = [
      {
        method: ["POST"],
        matcher: "/store/things/:id",
        middlewares: [
          ...authorize({ actors: ["customer"], permission: PERMISSIONS.REQUISITIONS_CREATE }),
          idempotent(),
          validateBody(Body),
        ],
      },
      { method: ["GET"], matcher: "/store/things", middlewares: [validateQuery(Query)] },
    ]
    const built = buildOpenApiDocument({
      middlewares: { test: { routes } },
      rules: [
        {
          methods: ["POST"],
          path: "/store/things/:id",
          policy: { kind: "permission", actors: ["customer"], permission: PERMISSIONS.REQUISITIONS_CREATE },
          source: "test",
        },
        { methods: ["GET"], path: "/store/things", policy: { kind: "public" }, source: "test" },
      ],
      version: "0",
    })
    expect(openApiProblems(built, validateSchema)).toEqual([])
    const post = built.paths["/store/things/{id}"].post as Record<string, any>
    const check = ajv.compile(post.requestBody.content["application/json"].schema)
    const samples = [
      { amount: "10.00", lines: [{ sku: "A" }] },
      { amount: "10", lines: [{ sku: "A" }] },
      { amount: "10.00", lines: [] },
      { amount: "10.00", lines: [{ sku: "" }] },
      { amount: "10.00", lines: [{ sku: "A" }], extra: true },
      {},
    ]
    expect(samples.map((s) => check(s))).toEqual(samples.map((s) => Body.safeParse(s).success))
    const get = built.paths["/store/things"].get as Record<string, any>
    expect(
      get.parameters.filter((p: { in: string }) => p.in === "query").map((p: { name: string; required: boolean }) => [p.name, p.required]),
    ).toEqual([
      ["q", false],
      ["limit", false],
    ])
  })

  it("the structural check refuses what OpenAPI 3.1 does not allow", () => {
    const broken = JSON.parse(JSON.stringify(doc)) as Record<string, any>
    broken.openapi = "3.0.3"
    const op = broken.paths["/store/requisitions/{id}"].get
    op.parameters = op.parameters.filter((p: { in: string }) => p.in !== "path")
    op.responses = { "2XX": { description: "ok" }, "99": { description: "no" } }
    op.tags = ["nowhere"]
    op.requestBody = { content: { "application/json": { schema: { type: "strnig" } } } }
    broken.paths["/store/requisitions"].post.operationId = broken.paths["/store/requisitions"].get.operationId
    broken.paths["/store/requisitions"].post.responses["400"].content["application/json"].schema = { $ref: "#/components/schemas/Nope" }
    broken.paths["/store/requisitions"].post.bogus = true
    const problems = openApiProblems(broken, validateSchema).join("\n")
    for (const expected of [
      "must be 3.1.x",
      "path parameter {id} not declared",
      "bad response status 99",
      "tag «nowhere»",
      "not JSON Schema 2020-12",
      "operationId missing or repeated",
      "unresolvable $ref #/components/schemas/Nope",
      "unknown field «bogus»",
    ]) {
      expect(problems).toContain(expected)
    }
  })

  it("uses only the methods OpenAPI knows", () => {
    const used = new Set(Object.values(doc.paths).flatMap((item) => Object.keys(item)))
    expect([...used].every((m) => (OPENAPI_METHODS as readonly string[]).includes(m))).toBe(true)
  })
})
