import { z } from "@medusajs/framework/zod"
import { validateBody } from "./validate"

const schema = z
  .object({
    rfc: z.string().min(12),
    kind: z.enum(["agency", "supplier"]),
    email: z.email().optional(),
  })
  .strict()

async function run(body: unknown) {
  const req = { body } as { body: unknown; validatedBody?: unknown }
  let error: { message: string; code?: string; type?: string } | undefined
  await validateBody(schema)(
    req as never,
    {} as never,
    ((e?: typeof error) => {
      error = e
    }) as never,
  )
  return { req, error }
}

describe("validateBody", () => {
  it("passes valid bodies through as validatedBody", async () => {
    const { req, error } = await run({ rfc: "SSA630502CU1", kind: "agency" })
    expect(error).toBeUndefined()
    expect(req.validatedBody).toEqual({ rfc: "SSA630502CU1", kind: "agency" })
  })

  it("explains every problem in Spanish with a stable code", async () => {
    const { error, req } = await run({ rfc: "X", email: "no-es-correo", extra: 1 })
    expect(req.validatedBody).toBeUndefined()
    expect(error?.code).toBe("DATOS_INVALIDOS")
    expect(error?.type).toBe("invalid_data")
    expect(error?.message).toContain("«rfc» es demasiado corto (mínimo 12)")
    expect(error?.message).toContain("«kind» es obligatorio")
    expect(error?.message).toContain("campos no reconocidos: extra")
    expect(error?.message).toContain("«email» no tiene un formato válido")
  })

  it("names the allowed values of an enum", async () => {
    const { error } = await run({ rfc: "SSA630502CU1", kind: "gobierno" })
    expect(error?.message).toContain("«kind» debe ser uno de: agency, supplier")
  })
})
