import { assertAmendable, assertAmendmentChanges, assertNoPendingAmendment, recordInForce, type AmendableRecord } from "./amendment-rules"
import { representativeOf } from "./parties"

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message }
  }
  return null
}

const contract = (over: Partial<AmendableRecord> = {}): AmendableRecord => ({
  id: "sc_1",
  number: "CE-2026-0001",
  status: "in_force",
  ...over,
})

describe("convenio modificatorio rules", () => {
  it("admits an amendment only to a contract in force", () => {
    expect(refusal(() => assertAmendable(contract()))).toBeNull()
    for (const status of ["pending_signatures", "partially_signed", "cancelled", "completed"]) {
      expect(refusal(() => assertAmendable(contract({ status })))).toEqual({
        code: "CONTRATO_NO_MODIFICABLE",
        message: "El contrato CE-2026-0001 no está en vigor; solo un contrato en vigor admite convenios modificatorios.",
      })
    }
  })

  it("takes non-negative whole quantities and real AAAA-MM-DD delivery dates", () => {
    expect(
      refusal(() =>
        assertAmendmentChanges([
          { line: 1, quantity: 0 },
          { line: 2, delivery_date: "2026-12-31" },
        ]),
      ),
    ).toBeNull()
    expect(refusal(() => assertAmendmentChanges([{ line: 3, quantity: -1 }]))).toEqual({
      code: "CONVENIO_INVALIDO",
      message: "Partida 3: la cantidad debe ser un entero no negativo.",
    })
    expect(refusal(() => assertAmendmentChanges([{ line: 4, quantity: 1.5 }]))?.code).toBe("CONVENIO_INVALIDO")
    for (const delivery_date of ["31/12/2026", "2026-02-30", "2026-1-05"]) {
      expect(refusal(() => assertAmendmentChanges([{ line: 5, delivery_date }]))).toEqual({
        code: "CONVENIO_INVALIDO",
        message: "Partida 5: la fecha de entrega debe tener el formato AAAA-MM-DD.",
      })
    }
  })

  it("allows one amendment awaiting signatures at a time", () => {
    expect(refusal(() => assertNoPendingAmendment([contract({ number: "CM-1", status: "in_force" })]))).toBeNull()
    for (const status of ["pending_signatures", "partially_signed"]) {
      expect(refusal(() => assertNoPendingAmendment([contract({ number: "CM-2", status })]))).toEqual({
        code: "CONVENIO_EN_TRAMITE",
        message: "El convenio CM-2 está pendiente de firmas; fírmalo o cancélalo antes de pedir otro.",
      })
    }
  })

  it("reads the lines in force from the latest amendment in force, else the contract", () => {
    const parent = contract({ data: "original" })
    expect(recordInForce(parent, [])).toBe(parent)
    const first = contract({ id: "a1", amendment_sequence: 1, data: "first" })
    const second = contract({ id: "a2", amendment_sequence: 2, data: "second" })
    const cancelled = contract({ id: "a3", amendment_sequence: 3, status: "cancelled", data: "cancelled" })
    expect(recordInForce(parent, [first, cancelled, second]).data).toBe("second")
    expect(recordInForce(parent, [cancelled]).data).toBe("original")
  })

  it("names a signer as the document's representative", () => {
    expect(
      representativeOf({ id: "per_1", full_name: "Ana Pérez", rfc: "PEPA800101AB1", position: "Directora", unit_ids: [null] }),
    ).toEqual({
      person_id: "per_1",
      full_name: "Ana Pérez",
      position: "Directora",
      rfc: "PEPA800101AB1",
    })
  })
})
