import { model } from "@medusajs/framework/utils"
import Requisition from "./requisition"

/**
 * One step of a requisition's approval chain for one revision. Who decided,
 * in which role, for whom (delegation), when, why, and the e.firma signature
 * over the decision when the signer provided one.
 */
const ApprovalStep = model
  .define(
    { name: "approval_step", tableName: "rq_approval_step" },
    {
      id: model.id({ prefix: "rqstep" }).primaryKey(),
      revision: model.number(),
      sequence: model.number(),
      role: model.text(),
      escalate_to_role: model.text().nullable(),
      status: model.enum(["pending", "approved", "rejected", "returned", "superseded"]).default("pending"),
      due_at: model.dateTime(),
      escalated_at: model.dateTime().nullable(),
      decided_by_person_id: model.text().nullable(),
      on_behalf_of_person_id: model.text().nullable(),
      decided_role: model.text().nullable(),
      decided_at: model.dateTime().nullable(),
      reason: model.text().nullable(),
      signature: model.json().nullable(),
      requisition: model.belongsTo(() => Requisition, { mappedBy: "approval_steps" }),
    },
  )
  .indexes([{ on: ["requisition_id", "revision", "sequence"], unique: true, where: "deleted_at IS NULL" }])

export default ApprovalStep
