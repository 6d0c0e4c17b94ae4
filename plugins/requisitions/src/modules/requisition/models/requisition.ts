import { model } from "@medusajs/framework/utils"
import ApprovalStep from "./approval-step"
import RequisitionLine from "./requisition-line"

/**
 * A requisition: what a requiring unit wants to buy, with justification,
 * budget key and approval chain. `revision` grows with every edit; approvals
 * and the budget reservation belong to one revision. Once approved, its
 * contracts are generated (`contracted`); when they are all in force their
 * orders are released (`ordered`). Contracts and orders are joined to it by
 * module links (src/links), not stored here.
 */
const Requisition = model
  .define(
    { name: "requisition", tableName: "rq_requisition" },
    {
      id: model.id({ prefix: "req" }).primaryKey(),
      number: model.text(),
      organization_id: model.text(),
      unit_id: model.text(),
      requester_person_id: model.text(),
      cart_id: model.text().nullable(),
      status: model
        .enum([
          "draft",
          "pending_approval",
          "returned",
          "rejected",
          "approved",
          "requires_competition",
          "contracted",
          "ordered",
          "cancelled",
        ])
        .default("draft"),
      justification: model.text(),
      /** Structured delivery address { street, colonia, municipio, estado, codigo_postal } (the order's). */
      delivery_address: model.json().nullable(),
      budget_key_id: model.text(),
      reservation_key: model.text().nullable(),
      reservation_id: model.text().nullable(),
      reserved_amount: model.bigNumber().nullable(),
      subtotal: model.bigNumber(),
      iva: model.bigNumber(),
      total: model.bigNumber(),
      currency_code: model.text().default("mxn"),
      policy_id: model.text().nullable(),
      policy_version: model.number().nullable(),
      revision: model.number().default(1),
      competition_lots: model.json().nullable(),
      flags: model.json().nullable(),
      submitted_at: model.dateTime().nullable(),
      decided_at: model.dateTime().nullable(),
      lines: model.hasMany(() => RequisitionLine, { mappedBy: "requisition" }),
      approval_steps: model.hasMany(() => ApprovalStep, { mappedBy: "requisition" }),
    },
  )
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["organization_id", "status"] },
    { on: ["unit_id", "submitted_at"] },
  ])

export default Requisition
