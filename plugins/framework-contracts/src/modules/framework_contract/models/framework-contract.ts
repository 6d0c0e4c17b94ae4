import { model } from "@medusajs/framework/utils"
import FrameworkLot from "./framework-lot"
import SupplierEnrolment from "./supplier-enrolment"
import UnitEnrolment from "./unit-enrolment"

/**
 * A framework contract (contrato marco) administered by SHCP. Status moves
 * draft → published → suspended ↔ published → expired, only by the Master
 * Contract Administrator; every change is kept as a version of its data sheet.
 */
const FrameworkContract = model
  .define("framework_contract", {
    id: model.id({ prefix: "fwc" }).primaryKey(),
    number: model.text(),
    title: model.text().searchable(),
    description: model.text().nullable(),
    legal_basis: model.text(),
    valid_from: model.dateTime(),
    valid_until: model.dateTime(),
    status: model.enum(["draft", "published", "suspended", "expired"]).default("draft"),
    min_amount: model.bigNumber(),
    max_amount: model.bigNumber(),
    currency_code: model.text().default("mxn"),
    version: model.number().default(1),
    lots: model.hasMany(() => FrameworkLot, { mappedBy: "contract" }),
    supplier_enrolments: model.hasMany(() => SupplierEnrolment, { mappedBy: "contract" }),
    unit_enrolments: model.hasMany(() => UnitEnrolment, { mappedBy: "contract" }),
  })
  .indexes([{ on: ["number"], unique: true, where: "deleted_at IS NULL" }])

export default FrameworkContract
