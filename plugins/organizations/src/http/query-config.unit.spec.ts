import { z } from "@medusajs/framework/zod"
import { fieldsSchema, pickFields, resolveFields } from "./query-config"
import { paginationSchema, validateQuery } from "./validate"

const config = { defaults: ["id", "number", "status", "total"], allowed: ["id", "number", "status", "total", "created_at"] }

describe("resolveFields", () => {
  it("answers the defaults without ?fields=", () => {
    expect(resolveFields(undefined, config)).toEqual(["id", "number", "status", "total"])
    expect(resolveFields("  ", config)).toEqual(["id", "number", "status", "total"])
  })

  it("plain names replace the defaults; +name and -name adjust them", () => {
    expect(resolveFields("number, status", config)).toEqual(["number", "status"])
    expect(resolveFields("+created_at,-total", config)).toEqual(["id", "number", "status", "created_at"])
  })

  it("refuses a field outside the allowed ones, naming it and the allowed ones", () => {
    expect(() => resolveFields("number,password_hash,-secret", config)).toThrow(
      expect.objectContaining({
        code: "CAMPOS_NO_PERMITIDOS",
        type: "invalid_data",
        message: expect.stringContaining("password_hash, secret"),
      }),
    )
    expect(() => resolveFields("number,password_hash", config)).toThrow(/Campos disponibles: id, number, status, total, created_at/)
  })
})

describe("validateQuery with a query config", () => {
  const schema = z.object({ ...paginationSchema, ...fieldsSchema }).strict()
  async function run(query: Record<string, unknown>) {
    const req = { query } as Record<string, unknown>
    let error: { code?: string } | undefined
    await validateQuery(schema, config)(
      req as never,
      {} as never,
      ((e?: typeof error) => {
        error = e
      }) as never,
    )
    return { req, error }
  }

  it("sets req.queryConfig (fields and pagination) and narrows the answer to the requested fields", async () => {
    const { req, error } = await run({ fields: "number,status", limit: "10" })
    expect(error).toBeUndefined()
    expect(req.queryConfig).toEqual({ fields: ["number", "status"], pagination: { skip: 0, take: 10 } })
    const rows = [{ id: "req_1", number: "REQ-1", status: "draft", total: "10.00" }]
    expect(pickFields(req as never, rows)).toEqual([{ number: "REQ-1", status: "draft" }])
  })

  it("leaves the answer as it was without ?fields=", async () => {
    const { req } = await run({})
    const rows = [{ id: "req_1", number: "REQ-1", status: "draft", total: "10.00", extra: 1 }]
    expect(pickFields(req as never, rows)).toBe(rows)
  })

  it("passes an unknown field to the error handler as a 400 with its code", async () => {
    const { req, error } = await run({ fields: "number,nope" })
    expect(error?.code).toBe("CAMPOS_NO_PERMITIDOS")
    expect(req.queryConfig).toBeUndefined()
  })
})
