import { model } from "@medusajs/framework/utils"

/** A person lets another act for them in one approval role, for a period. */
const Delegation = model
  .define({ name: "delegation", tableName: "rq_delegation" }, {
    id: model.id({ prefix: "rqdel" }).primaryKey(),
    organization_id: model.text(),
    delegator_person_id: model.text(),
    delegate_person_id: model.text(),
    role: model.text(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    reason: model.text().nullable(),
  })
  .indexes([{ on: ["delegate_person_id", "role"] }])

export default Delegation
