import { model } from "@medusajs/framework/utils"

/**
 * One cell of the role-permission matrix. The matrix is data: defaults are
 * loaded when the table is empty and the system administrator edits it.
 */
const RolePermission = model
  .define("role_permission", {
    id: model.id({ prefix: "rperm" }).primaryKey(),
    role: model.text(),
    permission: model.text(),
  })
  .indexes([{ on: ["role", "permission"], unique: true, where: "deleted_at IS NULL" }])

export default RolePermission
