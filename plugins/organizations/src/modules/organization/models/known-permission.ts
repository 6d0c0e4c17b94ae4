import { model } from "@medusajs/framework/utils"

/**
 * Permission codes whose defaults have already been loaded into the matrix.
 * A permission added by a new release gets its default cells once; after
 * that the system administrator's edits are never overwritten.
 */
const KnownPermission = model
  .define("known_permission", {
    id: model.id({ prefix: "kperm" }).primaryKey(),
    code: model.text(),
  })
  .indexes([{ on: ["code"], unique: true, where: "deleted_at IS NULL" }])

export default KnownPermission
