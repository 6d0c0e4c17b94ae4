import { EntitySchema } from "typeorm"

/** Tables of the simulator, in its own schema (default `sicop_siaff`). */
export function entities(schema: string) {
  const money = { type: "numeric", precision: 18, scale: 2, default: 0 } as const
  const Clave = new EntitySchema({
    name: "clave",
    tableName: "clave",
    schema,
    columns: {
      clave: { type: "text", primary: true },
      partida: { type: "text" },
      modificado: money,
      reservado: money,
      comprometido: money,
      devengado: money,
      ejercido: money,
      pagado: money,
      updated_at: { type: "timestamptz", updateDate: true },
    },
    checks: [
      {
        name: "clave_etapas_dentro_de_modificado",
        expression:
          "reservado >= 0 AND comprometido >= 0 AND devengado >= 0 AND ejercido >= 0 AND pagado >= 0 AND reservado + comprometido + devengado + ejercido + pagado <= modificado",
      },
    ],
  })
  const Operacion = new EntitySchema({
    name: "operacion",
    tableName: "operacion",
    schema,
    columns: {
      idempotency_key: { type: "text", primary: true },
      folio: { type: "text", unique: true },
      tipo: { type: "text" },
      clave: { type: "text" },
      importe: { type: "numeric", precision: 18, scale: 2 },
      desde: { type: "text" },
      hacia: { type: "text" },
      origen: { type: "text", nullable: true },
      referencia: { type: "text", nullable: true },
      estado: { type: "text" },
      /** How many times the operation was requested (retries and duplicates). */
      solicitudes: { type: "int", default: 1 },
      created_at: { type: "timestamptz", createDate: true },
    },
  })
  const Clc = new EntitySchema({
    name: "clc",
    tableName: "clc",
    schema,
    columns: {
      folio: { type: "text", primary: true },
      operacion_key: { type: "text", unique: true },
      clave: { type: "text" },
      importe: { type: "numeric", precision: 18, scale: 2 },
      /** Paid to the beneficiary: importe − deducciones (null in CLCs from before deductions existed). */
      importe_neto: { type: "numeric", precision: 18, scale: 2, nullable: true },
      /** What the CLC withholds: [{ tipo, importe, referencia }] (e.g. pena convencional). */
      deducciones: { type: "jsonb", nullable: true },
      beneficiario_rfc: { type: "text", nullable: true },
      beneficiario_clabe: { type: "text", nullable: true },
      estado: { type: "text" },
      clave_rastreo: { type: "text", nullable: true },
      fecha_pago: { type: "timestamptz", nullable: true },
      created_at: { type: "timestamptz", createDate: true },
    },
  })
  return [Clave, Operacion, Clc]
}
