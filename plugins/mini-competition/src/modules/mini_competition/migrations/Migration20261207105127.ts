import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207105127 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "mc_competition_invitation" drop constraint if exists "mc_competition_invitation_competition_id_supplier_id_unique";`,
    )
    this.addSql(
      `alter table if exists "mc_competition_bid" drop constraint if exists "mc_competition_bid_competition_id_supplier_id_unique";`,
    )
    this.addSql(`alter table if exists "mc_competition" drop constraint if exists "mc_competition_requisition_id_lot_id_unique";`)
    this.addSql(`alter table if exists "mc_competition" drop constraint if exists "mc_competition_number_unique";`)
    this.addSql(
      `create table if not exists "mc_competition" ("id" text not null, "number" text not null, "organization_id" text not null, "unit_id" text not null, "requisition_id" text null, "contract_id" text not null, "lot_id" text not null, "lot_title" text not null, "delivery_state" text not null, "status" text check ("status" in ('draft', 'bidding', 'opened', 'offered', 'awarded', 'deserted')) not null default 'draft', "rules" jsonb not null, "created_by_person_id" text not null, "published_at" timestamptz null, "bid_deadline" timestamptz null, "opened_at" timestamptz null, "evaluation" jsonb null, "confirmation_deadline" timestamptz null, "awarded_at" timestamptz null, "award" jsonb null, "deserted_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mc_competition_deleted_at" ON "mc_competition" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mc_competition_number_unique" ON "mc_competition" ("number") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_organization_id_status" ON "mc_competition" ("organization_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_status_bid_deadline" ON "mc_competition" ("status", "bid_deadline") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_status_confirmation_deadline" ON "mc_competition" ("status", "confirmation_deadline") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mc_competition_requisition_id_lot_id_unique" ON "mc_competition" ("requisition_id", "lot_id") WHERE deleted_at IS NULL AND requisition_id IS NOT NULL AND status <> 'deserted';`,
    )

    this.addSql(
      `create table if not exists "mc_competition_bid" ("id" text not null, "supplier_id" text not null, "status" text check ("status" in ('sealed', 'replaced', 'withdrawn', 'opened', 'tampered')) not null default 'sealed', "commitment" text not null, "ciphertext" text not null, "iv" text not null, "auth_tag" text not null, "submitted_at" timestamptz not null, "submitted_by_person_id" text not null, "revealed" jsonb null, "total" numeric null, "valid" boolean null, "findings" jsonb null, "rank" integer null, "competition_id" text not null, "raw_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_bid_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_bid_competition_id" ON "mc_competition_bid" ("competition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_bid_deleted_at" ON "mc_competition_bid" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_bid_competition_id_status" ON "mc_competition_bid" ("competition_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mc_competition_bid_competition_id_supplier_id_unique" ON "mc_competition_bid" ("competition_id", "supplier_id") WHERE deleted_at IS NULL AND status = 'sealed';`,
    )

    this.addSql(
      `create table if not exists "mc_competition_clarification" ("id" text not null, "question" text not null, "asked_by_supplier_id" text not null, "asked_at" timestamptz not null, "answer" text null, "answered_at" timestamptz null, "answered_by_person_id" text null, "previous_deadline" timestamptz null, "extended_deadline" timestamptz null, "competition_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_clarification_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_clarification_competition_id" ON "mc_competition_clarification" ("competition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_clarification_deleted_at" ON "mc_competition_clarification" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "mc_competition_invitation" ("id" text not null, "supplier_id" text not null, "status" text check ("status" in ('invited', 'not_eligible')) not null, "reasons" jsonb null, "competition_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_invitation_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_invitation_competition_id" ON "mc_competition_invitation" ("competition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_invitation_deleted_at" ON "mc_competition_invitation" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mc_competition_invitation_competition_id_supplier_id_unique" ON "mc_competition_invitation" ("competition_id", "supplier_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "mc_competition_line" ("id" text not null, "item_id" text not null, "item_name" text not null, "unspsc_code" text not null, "quantity" integer not null, "ceiling_price" numeric not null, "iva_rate" text not null, "competition_id" text not null, "raw_ceiling_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_line_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_line_competition_id" ON "mc_competition_line" ("competition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_line_deleted_at" ON "mc_competition_line" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "mc_competition_observation" ("id" text not null, "observer_person_id" text not null, "observer_organization_id" text not null, "text" text not null, "observed_at" timestamptz not null, "competition_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mc_competition_observation_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_observation_competition_id" ON "mc_competition_observation" ("competition_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_mc_competition_observation_deleted_at" ON "mc_competition_observation" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `alter table if exists "mc_competition_bid" add constraint "mc_competition_bid_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "mc_competition_clarification" add constraint "mc_competition_clarification_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "mc_competition_invitation" add constraint "mc_competition_invitation_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "mc_competition_line" add constraint "mc_competition_line_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "mc_competition_observation" add constraint "mc_competition_observation_competition_id_foreign" foreign key ("competition_id") references "mc_competition" ("id") on update cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mc_competition_bid" drop constraint if exists "mc_competition_bid_competition_id_foreign";`)

    this.addSql(
      `alter table if exists "mc_competition_clarification" drop constraint if exists "mc_competition_clarification_competition_id_foreign";`,
    )

    this.addSql(
      `alter table if exists "mc_competition_invitation" drop constraint if exists "mc_competition_invitation_competition_id_foreign";`,
    )

    this.addSql(`alter table if exists "mc_competition_line" drop constraint if exists "mc_competition_line_competition_id_foreign";`)

    this.addSql(
      `alter table if exists "mc_competition_observation" drop constraint if exists "mc_competition_observation_competition_id_foreign";`,
    )

    this.addSql(`drop table if exists "mc_competition" cascade;`)

    this.addSql(`drop table if exists "mc_competition_bid" cascade;`)

    this.addSql(`drop table if exists "mc_competition_clarification" cascade;`)

    this.addSql(`drop table if exists "mc_competition_invitation" cascade;`)

    this.addSql(`drop table if exists "mc_competition_line" cascade;`)

    this.addSql(`drop table if exists "mc_competition_observation" cascade;`)
  }
}
