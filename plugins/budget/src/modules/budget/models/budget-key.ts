import { model } from "@medusajs/framework/utils"
import BudgetMovement from "./budget-movement"

/**
 * A clave presupuestaria: the budget line an agency spends against, with the
 * components of the federal key and the balance of every stage of the
 * expense (momentos contables del egreso, LGCG/CONAC).
 *
 * Stage semantics (ADR 0004): every peso of `modificado` sits in exactly one
 * bucket at a time. `reservado` (pre-commitment at requisition submission),
 * `comprometido`, `devengado`, `ejercido` and `pagado` are balances of money
 * currently in that stage, and movements move money between buckets.
 * disponible = modificado − reservado − comprometido − devengado − ejercido − pagado,
 * never negative (CHECK constraint `budget_key_stages_within_modificado`).
 */
const BudgetKey = model
  .define("budget_key", {
    id: model.id({ prefix: "bkey" }).primaryKey(),
    /** The agency (organizations plugin); plain id, no cross-module FK. */
    organization_id: model.text(),
    /** Optional unit the key belongs to (budget area, requiring area). */
    unit_id: model.text().nullable(),
    /** The full clave as the external system knows it. */
    clave: model.text().searchable(),
    fiscal_year: model.number(),
    ramo: model.text(),
    unidad_responsable: model.text(),
    programa_presupuestario: model.text(),
    /** Partida específica of the COG (5 digits, e.g. 21101). */
    partida_especifica: model.text(),
    fuente_financiamiento: model.text(),
    entidad_federativa: model.text(),
    description: model.text().nullable(),
    provider: model.enum(["own_resources", "sicop_siaff"]).default("own_resources"),
    currency_code: model.text().default("mxn"),
    aprobado: model.bigNumber().default(0),
    modificado: model.bigNumber().default(0),
    reservado: model.bigNumber().default(0),
    comprometido: model.bigNumber().default(0),
    devengado: model.bigNumber().default(0),
    ejercido: model.bigNumber().default(0),
    pagado: model.bigNumber().default(0),
    is_active: model.boolean().default(true),
    movements: model.hasMany(() => BudgetMovement, { mappedBy: "budget_key" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["clave"], unique: true, where: "deleted_at IS NULL" }, { on: ["organization_id", "fiscal_year"] }])

export default BudgetKey
