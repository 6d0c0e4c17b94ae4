import { model } from "@medusajs/framework/utils"
import Person from "./person"
import Unit from "./unit"

/**
 * A role held by a person, optionally within one unit of their organization,
 * for a period. SHCP-wide roles (contract administrator, planning, system
 * administrator) and supplier/observer/auditor roles have no unit.
 */
const RoleAssignment = model
  .define("role_assignment", {
    id: model.id({ prefix: "rolas" }).primaryKey(),
    role: model.text(),
    valid_from: model.dateTime(),
    valid_until: model.dateTime().nullable(),
    granted_by: model.text().nullable(),
    person: model.belongsTo(() => Person, { mappedBy: "role_assignments" }),
    unit: model.belongsTo(() => Unit, { mappedBy: "role_assignments" }).nullable(),
  })
  .indexes([{ on: ["person_id", "role"] }, { on: ["role"] }])

export default RoleAssignment
