import { model } from "@medusajs/framework/utils"
import Organization from "./organization"
import RoleAssignment from "./role-assignment"

/**
 * An administrative unit of an agency: Unidad Compradora, Área Requirente,
 * área de presupuesto, almacén (reception) … Roles are held per unit.
 */
const Unit = model
  .define("organization_unit", {
    id: model.id({ prefix: "unit" }).primaryKey(),
    code: model.text(),
    name: model.text().searchable(),
    kind: model.enum([
      "purchasing_unit",
      "requiring_area",
      "budget_area",
      "contract_administration",
      "reception",
      "finance",
      "headquarters",
    ]),
    state_code: model.text(),
    codigo_postal: model.text(),
    address: model.text().nullable(),
    is_active: model.boolean().default(true),
    organization: model.belongsTo(() => Organization, { mappedBy: "units" }),
    role_assignments: model.hasMany(() => RoleAssignment, { mappedBy: "unit" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      on: ["organization_id", "code"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default Unit
