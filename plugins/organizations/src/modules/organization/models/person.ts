import { model } from "@medusajs/framework/utils"
import Organization from "./organization"
import RoleAssignment from "./role-assignment"

/**
 * A human being who uses the store. The login lives in Medusa's auth module;
 * the actor is an admin `user` (SHCP staff), a `customer` (agency staff) or
 * one of the custom actor types `supplier`, `observer`, `auditor`, whose actor
 * id is the person id itself.
 */
const Person = model
  .define("person", {
    id: model.id({ prefix: "per" }).primaryKey(),
    full_name: model.text().searchable(),
    email: model.text().searchable(),
    rfc: model.text(),
    position: model.text().nullable(),
    actor_type: model.enum(["user", "customer", "supplier", "observer", "auditor"]),
    actor_id: model.text(),
    is_active: model.boolean().default(true),
    organization: model.belongsTo(() => Organization, { mappedBy: "people" }),
    role_assignments: model.hasMany(() => RoleAssignment, {
      mappedBy: "person",
    }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["email"], unique: true, where: "deleted_at IS NULL" },
    {
      on: ["actor_type", "actor_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default Person
