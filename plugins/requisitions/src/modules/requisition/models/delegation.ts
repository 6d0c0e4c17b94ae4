import { model } from "@medusajs/framework/utils"

/** A person lets another act for them in one approval role, for a period (at most the policy's maximum), until revoked. */
const Delegation = model
  .define(
    { name: "delegation", tableName: "rq_delegation" },
    {
      id: model.id({ prefix: "rqdel" }).primaryKey(),
      organization_id: model.text(),
      delegator_person_id: model.text(),
      delegate_person_id: model.text(),
      role: model.text(),
      starts_at: model.dateTime(),
      ends_at: model.dateTime(),
      reason: model.text().nullable(),
      /** Set when the delegator revokes it: it stops acting at once. */
      revoked_at: model.dateTime().nullable(),
      revoked_by_person_id: model.text().nullable(),
      revocation_reason: model.text().nullable(),
    },
  )
  .indexes([{ on: ["delegate_person_id", "role"] }])

export default Delegation
