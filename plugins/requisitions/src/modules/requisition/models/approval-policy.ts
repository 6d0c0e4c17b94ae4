import { model } from "@medusajs/framework/utils"

/**
 * An agency's approval policy, kept as data and versioned: a new version is
 * a new row; each requisition records the version it was routed with.
 * `steps`: ordered [{ sequence, role, min_amount, sla_hours, escalate_to_role }]
 * — a step applies when the requisition total reaches its `min_amount`
 * (decimal string; "0" = always), so thresholds add steps.
 */
const ApprovalPolicy = model
  .define(
    { name: "approval_policy", tableName: "rq_approval_policy" },
    {
      id: model.id({ prefix: "rqpol" }).primaryKey(),
      organization_id: model.text(),
      version: model.number(),
      steps: model.json(),
      split_window_days: model.number().default(30),
      /** The longest a delegation of an approval role may run, in natural days. */
      max_delegation_days: model.number().default(90),
      effective_from: model.dateTime(),
      created_by: model.text().nullable(),
    },
  )
  .indexes([{ on: ["organization_id", "version"], unique: true, where: "deleted_at IS NULL" }])

export default ApprovalPolicy
