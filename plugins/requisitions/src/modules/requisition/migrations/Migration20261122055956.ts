import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122055956 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "rq_requisition_order" drop constraint if exists "rq_requisition_order_cart_id_unique";`)
    this.addSql(
      `alter table if exists "rq_approval_step" drop constraint if exists "rq_approval_step_requisition_id_revision_sequence_unique";`,
    )
    this.addSql(`alter table if exists "rq_requisition" drop constraint if exists "rq_requisition_number_unique";`)
    this.addSql(`alter table if exists "rq_approval_policy" drop constraint if exists "rq_approval_policy_organization_id_version_unique";`)
    this.addSql(
      `create table if not exists "rq_approval_policy" ("id" text not null, "organization_id" text not null, "version" integer not null, "steps" jsonb not null, "split_window_days" integer not null default 30, "effective_from" timestamptz not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rq_approval_policy_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_approval_policy_deleted_at" ON "rq_approval_policy" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rq_approval_policy_organization_id_version_unique" ON "rq_approval_policy" ("organization_id", "version") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "rq_delegation" ("id" text not null, "organization_id" text not null, "delegator_person_id" text not null, "delegate_person_id" text not null, "role" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rq_delegation_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rq_delegation_deleted_at" ON "rq_delegation" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_delegation_delegate_person_id_role" ON "rq_delegation" ("delegate_person_id", "role") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "rq_requisition" ("id" text not null, "number" text not null, "organization_id" text not null, "unit_id" text not null, "requester_person_id" text not null, "cart_id" text null, "status" text check ("status" in ('draft', 'pending_approval', 'returned', 'rejected', 'approved', 'requires_competition', 'ordered', 'cancelled')) not null default 'draft', "justification" text not null, "budget_key_id" text not null, "reservation_key" text null, "reservation_id" text null, "reserved_amount" numeric null, "subtotal" numeric not null, "iva" numeric not null, "total" numeric not null, "currency_code" text not null default 'mxn', "policy_id" text null, "policy_version" integer null, "revision" integer not null default 1, "competition_lots" jsonb null, "flags" jsonb null, "submitted_at" timestamptz null, "decided_at" timestamptz null, "raw_reserved_amount" jsonb null, "raw_subtotal" jsonb not null, "raw_iva" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rq_requisition_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rq_requisition_deleted_at" ON "rq_requisition" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rq_requisition_number_unique" ON "rq_requisition" ("number") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_requisition_organization_id_status" ON "rq_requisition" ("organization_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_requisition_unit_id_submitted_at" ON "rq_requisition" ("unit_id", "submitted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "rq_approval_step" ("id" text not null, "revision" integer not null, "sequence" integer not null, "role" text not null, "escalate_to_role" text null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'returned', 'superseded')) not null default 'pending', "due_at" timestamptz not null, "escalated_at" timestamptz null, "decided_by_person_id" text null, "on_behalf_of_person_id" text null, "decided_role" text null, "decided_at" timestamptz null, "reason" text null, "signature" jsonb null, "requisition_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rq_approval_step_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_approval_step_requisition_id" ON "rq_approval_step" ("requisition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_approval_step_deleted_at" ON "rq_approval_step" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rq_approval_step_requisition_id_revision_sequence_unique" ON "rq_approval_step" ("requisition_id", "revision", "sequence") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "rq_requisition_line" ("id" text not null, "offer_id" text not null, "variant_id" text not null, "supplier_id" text not null, "contract_id" text not null, "lot_id" text not null, "item_id" text not null, "item_name" text not null, "unspsc_code" text not null, "quantity" integer not null, "unit_price" numeric not null, "iva_rate" text not null, "subtotal" numeric not null, "iva" numeric not null, "total" numeric not null, "delivery_place" text not null, "delivery_date" timestamptz not null, "requisition_id" text not null, "raw_unit_price" jsonb not null, "raw_subtotal" jsonb not null, "raw_iva" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rq_requisition_line_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_requisition_line_requisition_id" ON "rq_requisition_line" ("requisition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_requisition_line_deleted_at" ON "rq_requisition_line" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "rq_requisition_order" ("id" text not null, "requisition_id" text not null, "supplier_id" text not null, "cart_id" text not null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rq_requisition_order_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_rq_requisition_order_deleted_at" ON "rq_requisition_order" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rq_requisition_order_cart_id_unique" ON "rq_requisition_order" ("cart_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `alter table if exists "rq_approval_step" add constraint "rq_approval_step_requisition_id_foreign" foreign key ("requisition_id") references "rq_requisition" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "rq_requisition_line" add constraint "rq_requisition_line_requisition_id_foreign" foreign key ("requisition_id") references "rq_requisition" ("id") on update cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "rq_approval_step" drop constraint if exists "rq_approval_step_requisition_id_foreign";`)

    this.addSql(`alter table if exists "rq_requisition_line" drop constraint if exists "rq_requisition_line_requisition_id_foreign";`)

    this.addSql(`drop table if exists "rq_approval_policy" cascade;`)

    this.addSql(`drop table if exists "rq_delegation" cascade;`)

    this.addSql(`drop table if exists "rq_requisition" cascade;`)

    this.addSql(`drop table if exists "rq_approval_step" cascade;`)

    this.addSql(`drop table if exists "rq_requisition_line" cascade;`)

    this.addSql(`drop table if exists "rq_requisition_order" cascade;`)
  }
}
