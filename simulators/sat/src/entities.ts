import { EntitySchema } from "typeorm"

/** Tables of the SAT simulator, in its own schema (default `sat`). */
export function entities(schema: string) {
  const Cfdi = new EntitySchema({
    name: "cfdi",
    tableName: "cfdi",
    schema,
    columns: {
      uuid: { type: "text", primary: true },
      emisor_rfc: { type: "text" },
      receptor_rfc: { type: "text" },
      /** Total as written in the CFDI (SAT compares it numerically). */
      total: { type: "numeric", precision: 24, scale: 6 },
      sello_ultimos_8: { type: "text" },
      /** sha256 of the issuer's Sello: stamping the same CFDI twice returns the same UUID. */
      sello_sha256: { type: "text", unique: true },
      estado: { type: "text" },
      es_cancelable: { type: "text" },
      estatus_cancelacion: { type: "text", nullable: true },
      xml: { type: "text" },
      fecha_timbrado: { type: "text" },
      created_at: { type: "timestamptz", createDate: true },
      updated_at: { type: "timestamptz", updateDate: true },
    },
    checks: [{ name: "cfdi_estado_valido", expression: "estado IN ('Vigente', 'Cancelado')" }],
  })
  const Efos = new EntitySchema({
    name: "efos",
    tableName: "efos",
    schema,
    columns: {
      rfc: { type: "text", primary: true },
      nombre: { type: "text", nullable: true },
      /** Situación in the 69-B list: presunto, definitivo, desvirtuado, sentencia_favorable. */
      situacion: { type: "text" },
      updated_at: { type: "timestamptz", updateDate: true },
    },
    checks: [
      { name: "efos_situacion_valida", expression: "situacion IN ('presunto', 'definitivo', 'desvirtuado', 'sentencia_favorable')" },
    ],
  })
  const Certificado = new EntitySchema({
    name: "certificado",
    tableName: "certificado",
    schema,
    columns: {
      /** NoCertificado (20 digits). */
      serial: { type: "text", primary: true },
      rfc: { type: "text" },
      cer_der: { type: "bytea" },
      /** Encrypted PKCS#8 (only for the test PAC's own certificate). */
      key_der: { type: "bytea", nullable: true },
      password: { type: "text", nullable: true },
      /** The certificate the test PAC stamps with now. */
      pac_activo: { type: "boolean", default: false },
      created_at: { type: "timestamptz", createDate: true },
    },
  })
  return [Cfdi, Efos, Certificado]
}
