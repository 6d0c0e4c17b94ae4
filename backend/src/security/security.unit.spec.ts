import { MedusaError } from "@medusajs/framework/utils"
import { errorResponse } from "./errors"
import { directErrorBody, installFrontDoor, NOT_AUTHENTICATED } from "./front-door"
import { inputProblem, MAX_INT } from "./input"
import { MEDUSA_ROUTE_RULES } from "./medusa-routes"
import { RouteMap, type RouteRule } from "./policy"

const rule = (path: string, methods: RouteRule["methods"] = ["GET"]): RouteRule => ({
  methods,
  path,
  policy: { kind: "public" },
  source: "test",
})

describe("the route map", () => {
  it("dispatches like Medusa: static segments before params, exact routes before families", () => {
    const map = new RouteMap([
      rule("/store/requisitions/:id"),
      rule("/store/requisitions/inbox"),
      rule("/auth/:a/:b"),
      rule("/auth/mfa/**"),
    ])
    expect(map.resolve("GET", "/store/requisitions/inbox")?.path).toBe("/store/requisitions/inbox")
    expect(map.resolve("GET", "/store/requisitions/req_1")?.path).toBe("/store/requisitions/:id")
    expect(map.resolve("GET", "/auth/mfa/factors")?.path).toBe("/auth/mfa/**")
    expect(map.match("GET", "/store/requisitions/req%201")?.params).toEqual({ id: "req 1" })
  })

  it("refuses what it does not map (an unmapped route resolves to nothing)", () => {
    const map = new RouteMap([rule("/store/products")])
    expect(map.resolve("GET", "/store/productos")).toBeUndefined()
    expect(map.resolve("POST", "/store/products")).toBeUndefined()
    expect(map.resolve("GET", "/store/products/x")).toBeUndefined()
    expect(map.resolve("GET", "//store/products")).toBeUndefined()
  })

  it("matches case-insensitively, with or without a trailing slash, HEAD as GET", () => {
    const map = new RouteMap([rule("/store/products")])
    expect(map.resolve("GET", "/STORE/Products/")).toBeDefined()
    expect(map.resolve("HEAD", "/store/products")).toBeDefined()
  })

  it("refuses the built-in routes that bypass the law's path", () => {
    const map = new RouteMap(MEDUSA_ROUTE_RULES)
    for (const [method, path] of [
      ["POST", "/admin/products/p/variants/v"],
      ["POST", "/admin/price-lists"],
      ["POST", "/admin/payments/pay_1/capture"],
      ["POST", "/admin/payments/pay_1/refund"],
      ["POST", "/admin/orders/o_1/credit-lines"],
      ["POST", "/admin/payment-collections/pc_1/mark-as-paid"],
      ["POST", "/admin/users"],
      ["DELETE", "/admin/users/u_1"],
      ["GET", "/admin/api-keys"],
      ["POST", "/admin/invites"],
      ["POST", "/store/customers"],
      ["POST", "/auth/customer/emailpass/register"],
    ]) {
      expect([method, path, map.resolve(method, path)?.policy.kind]).toEqual([method, path, "refused"])
    }
  })
})

describe("input hygiene", () => {
  it("finds NUL bytes in values and keys, numbers beyond a PostgreSQL integer, excessive nesting", () => {
    expect(inputProblem({ a: "ok", b: [1, 2, { c: "x" }] }, "x")).toBeNull()
    expect(inputProblem({ a: "a\u0000b" }, "x")?.code).toBe("CARACTER_NO_PERMITIDO")
    expect(inputProblem({ ["k\u0000"]: 1 }, "x")?.code).toBe("CARACTER_NO_PERMITIDO")
    expect(inputProblem({ quantity: MAX_INT }, "x")).toBeNull()
    expect(inputProblem({ quantity: MAX_INT + 1 }, "x")?.code).toBe("NUMERO_FUERA_DE_RANGO")
    expect(inputProblem({ quantity: -(2 ** 53) }, "x")?.code).toBe("NUMERO_FUERA_DE_RANGO")
    let deep: unknown = 1
    for (let i = 0; i < 40; i++) {
      deep = [deep]
    }
    expect(inputProblem(deep, "x")?.code).toBe("DATOS_DEMASIADO_ANIDADOS")
  })
})

describe("the error handler's answers", () => {
  it("keeps our own codes and Spanish messages", () => {
    const e = new MedusaError(MedusaError.Types.NOT_ALLOWED, "La requisición ya fue enviada.", "REQUISICION_YA_ENVIADA")
    expect(errorResponse(e)).toEqual({
      status: 400,
      body: { type: "not_allowed", code: "REQUISICION_YA_ENVIADA", message: "La requisición ya fue enviada." },
    })
  })

  it("turns Medusa's English errors into Spanish with a stable code", () => {
    expect(errorResponse(new MedusaError(MedusaError.Types.NOT_FOUND, "Cart with id: x was not found"))).toEqual({
      status: 404,
      body: expect.objectContaining({ code: "NO_ENCONTRADO", message: "No encontramos el recurso solicitado." }),
    })
    expect(errorResponse(new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: Field 'x' is required")).body.code).toBe(
      "DATOS_INVALIDOS",
    )
  })

  it("never leaks SQL or a stack: database input errors are 4xx, the rest a generic 500", () => {
    const overflow = Object.assign(new Error('insert into "cart_line_item" … - value "2147483648" is out of range for type integer'), {
      code: "22003",
    })
    expect(errorResponse(overflow)).toEqual({ status: 400, body: expect.objectContaining({ code: "DATOS_INVALIDOS" }) })
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" })
    expect(errorResponse(nul).status).toBe(400)
    const serialization = Object.assign(new Error("could not serialize access"), { code: "40001" })
    expect(errorResponse(serialization)).toEqual({ status: 409, body: expect.objectContaining({ code: "CONFLICTO" }) })
    const boom = errorResponse(Object.assign(new Error('select * from "secret" where …'), { code: "ECONNREFUSED" }))
    expect(boom).toEqual({ status: 500, body: expect.objectContaining({ code: "ERROR_INTERNO" }) })
    expect(JSON.stringify(boom)).not.toMatch(/select|secret|at /)
  })

  it("answers the body parser's refusals: bad JSON, too large, wrong charset", () => {
    expect(
      errorResponse(
        Object.assign(new Error("Unexpected token"), { status: 400, statusCode: 400, type: "entity.parse.failed", expose: true }),
      ).body.code,
    ).toBe("JSON_INVALIDO")
    expect(errorResponse(Object.assign(new Error("request entity too large"), { status: 413, statusCode: 413, expose: true }))).toEqual({
      status: 413,
      body: expect.objectContaining({ code: "CUERPO_DEMASIADO_GRANDE" }),
    })
  })
})

describe("the front door (ahead of Medusa's dashboard and authentication)", () => {
  it("turns Medusa's direct English error answers into Spanish with a code; ours pass untouched", () => {
    expect(directErrorBody(401, { message: "Unauthorized" })).toEqual(NOT_AUTHENTICATED)
    expect(directErrorBody(401, { message: "A secret API key was passed as a Bearer token." })).toEqual(NOT_AUTHENTICATED)
    expect(directErrorBody(403, { message: "Forbidden" })).toEqual(expect.objectContaining({ code: "PROHIBIDO" }))
    expect(directErrorBody(400, { message: "A valid publishable key is required" })).toEqual(
      expect.objectContaining({ code: "DATOS_INVALIDOS" }),
    )
    expect(directErrorBody(401, { type: "unauthorized", code: "SESION_CERRADA", message: "Tu sesión se cerró." })).toBeNull()
    expect(directErrorBody(200, { message: "Unauthorized" })).toBeNull()
  })

  it("registers itself on the app before Medusa's admin loader mounts anything, once", async () => {
    const order: string[] = []
    const original = jest.fn(async ({ app }: { app: { use: (...a: unknown[]) => unknown } }) => {
      order.push("dashboard")
      app.use("/app", () => undefined)
    })
    const loaderModule: { default?: unknown } = { default: original }
    installFrontDoor(loaderModule)
    installFrontDoor(loaderModule)
    const app = { use: jest.fn((path: unknown) => void order.push(`use ${JSON.stringify(path)}`)) }
    await (loaderModule.default as (a: unknown) => Promise<void>)({ app, configModule: { admin: { path: "/panel" } } })
    expect(order).toEqual(['use "/panel"', 'use ["/admin","/store","/auth"]', "dashboard", 'use "/app"'])
    expect(original).toHaveBeenCalledTimes(1)
    expect(() => installFrontDoor({})).toThrow(/admin loader/)
  })
})
