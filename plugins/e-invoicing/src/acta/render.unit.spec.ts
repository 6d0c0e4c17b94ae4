import { actaSigningPayload, actaTemplate, currentActaTemplate, renderActa, renderCurrentActa, type ActaData } from "."

const data: Omit<ActaData, "template"> = {
  folio: "AER-01TEST",
  reception_id: "rcp_01TEST",
  contract_number: "CE-2026-000123",
  delivery_note: "REM-0001",
  received_on: "2026-12-13",
  place: "Almacén central, Lieja 7, Juárez, CDMX",
  agency: { legal_name: "Secretaría de Salud", rfc: "SSA630502CU1", unit: "Almacén central" },
  supplier: { legal_name: "Papelería Industrial del Bajío <S.A.>", rfc: "PIB040312A10" },
  received_by: { person_id: "per_1", full_name: "Responsable de Almacén", rfc: "REAL800101AB1" },
  outcome: "partial",
  outcome_text: "Se reciben a entera satisfacción parte de los bienes enviados; el resto se rechaza.",
  notes: "Una caja llegó abierta",
  lines: [
    {
      contract_line: 1,
      description: "Bolígrafo tinta azul",
      item_code: "AM-001",
      shipped_quantity: 7,
      accepted_quantity: 6,
      rejected_quantity: 1,
      notes: "Caja dañada",
      serials: "SN-1, SN-2",
    },
  ],
  penalty: { days_late: 3, amount: "8.98", rate_per_day_percent: "1.00", cap_percent: "10.00" },
}

describe("acta de entrega-recepción", () => {
  it("renders what was shipped, accepted and rejected, the penalty to deduct, and escapes the data", async () => {
    const { html, pdf, hashes, data: frozen } = await renderCurrentActa(data, new Date("2026-12-13T18:00:00Z"))
    expect(frozen.template).toEqual({ code: "acta_entrega_recepcion", version: currentActaTemplate().version })
    expect(html).toContain("ACTA DE ENTREGA-RECEPCIÓN AER-01TEST")
    expect(html).toContain("contrato específico CE-2026-000123")
    expect(html).toMatch(/<td class="num">7<\/td><td class="num">6<\/td><td class="num">1<\/td>/)
    expect(html).toContain("3 días naturales de atraso")
    expect(html).toContain("$8.98")
    expect(html).toContain("Series: SN-1, SN-2")
    expect(html).toContain("PAPELERÍA INDUSTRIAL DEL BAJÍO &lt;S.A.&gt;")
    expect(html).toContain(hashes.data_sha256)
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    expect(hashes.document_sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it("is deterministic (the signed digest can be re-derived) and changes with any datum", async () => {
    const at = new Date("2026-12-13T18:00:00Z")
    const a = await renderCurrentActa(data, at)
    const b = await renderCurrentActa(data, at)
    expect(b.hashes).toEqual(a.hashes)
    const c = await renderCurrentActa({ ...data, lines: [{ ...data.lines[0], accepted_quantity: 5, rejected_quantity: 2 }] }, at)
    expect(c.hashes.data_sha256).not.toBe(a.hashes.data_sha256)
    expect(c.hashes.document_sha256).not.toBe(a.hashes.document_sha256)
  })

  it("says so when delivery was on time, and renders an old version by its number", async () => {
    const onTime = await renderActa(
      actaTemplate(1)!.body,
      { ...data, penalty: { ...data.penalty, days_late: 0, amount: "0.00" }, template: { code: "acta_entrega_recepcion", version: 1 } },
      new Date(),
    )
    expect(onTime.html).toContain("no procede pena convencional")
    expect(actaTemplate(99)).toBeNull()
  })

  it("signs the document digest, naming the acta and the reception", () => {
    expect(actaSigningPayload({ id: "acta_1", folio: "AER-1", reception_id: "rcp_1", document_sha256: "ab".repeat(32) })).toEqual({
      documento: "acta_entrega_recepcion",
      acta_id: "acta_1",
      folio: "AER-1",
      reception_id: "rcp_1",
      document_sha256: "ab".repeat(32),
    })
  })
})
