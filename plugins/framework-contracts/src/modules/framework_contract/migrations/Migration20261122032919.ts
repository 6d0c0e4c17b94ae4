import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122032919 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "unspsc_code" drop constraint if exists "unspsc_code_code_unique";`)
    this.addSql(`alter table if exists "fc_unit_enrolment" drop constraint if exists "fc_unit_enrolment_contract_id_unit_id_unique";`)
    this.addSql(
      `alter table if exists "fc_supplier_enrolment" drop constraint if exists "fc_supplier_enrolment_contract_id_supplier_id_unique";`,
    )
    this.addSql(`alter table if exists "fc_sanction" drop constraint if exists "fc_sanction_supplier_rfc_type_starts_on_unique";`)
    this.addSql(`alter table if exists "fc_offer" drop constraint if exists "fc_offer_item_id_supplier_id_unique";`)
    this.addSql(`alter table if exists "framework_item" drop constraint if exists "framework_item_lot_id_code_unique";`)
    this.addSql(`alter table if exists "framework_lot" drop constraint if exists "framework_lot_contract_id_number_unique";`)
    this.addSql(`alter table if exists "framework_contract" drop constraint if exists "framework_contract_number_unique";`)
    this.addSql(`alter table if exists "fc_contract_version" drop constraint if exists "fc_contract_version_contract_id_version_unique";`)
    this.addSql(`alter table if exists "cog_crosswalk" drop constraint if exists "cog_crosswalk_unspsc_code_unique";`)
    this.addSql(
      `create table if not exists "cog_crosswalk" ("id" text not null, "unspsc_code" text not null, "partida" text not null, "partida_title" text not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "changed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cog_crosswalk_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cog_crosswalk_deleted_at" ON "cog_crosswalk" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cog_crosswalk_unspsc_code" ON "cog_crosswalk" ("unspsc_code") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cog_crosswalk_unspsc_code_unique" ON "cog_crosswalk" ("unspsc_code") WHERE valid_until IS NULL AND deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "fc_contract_version" ("id" text not null, "contract_id" text not null, "version" integer not null, "change" text not null, "snapshot" jsonb not null, "recorded_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fc_contract_version_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fc_contract_version_deleted_at" ON "fc_contract_version" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fc_contract_version_contract_id_version_unique" ON "fc_contract_version" ("contract_id", "version") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "framework_contract" ("id" text not null, "number" text not null, "title" text not null, "description" text null, "legal_basis" text not null, "valid_from" timestamptz not null, "valid_until" timestamptz not null, "status" text check ("status" in ('draft', 'published', 'suspended', 'expired')) not null default 'draft', "min_amount" numeric not null, "max_amount" numeric not null, "currency_code" text not null default 'mxn', "version" integer not null default 1, "raw_min_amount" jsonb not null, "raw_max_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "framework_contract_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_framework_contract_deleted_at" ON "framework_contract" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_framework_contract_number_unique" ON "framework_contract" ("number") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "framework_lot" ("id" text not null, "number" integer not null, "title" text not null, "competition_threshold" numeric not null, "min_invitees" integer not null default 3, "bid_window_business_days" integer not null default 5, "contract_id" text not null, "raw_competition_threshold" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "framework_lot_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_framework_lot_contract_id" ON "framework_lot" ("contract_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_framework_lot_deleted_at" ON "framework_lot" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_framework_lot_contract_id_number_unique" ON "framework_lot" ("contract_id", "number") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "framework_item" ("id" text not null, "code" text not null, "name" text not null, "description" text not null, "unspsc_code" text not null, "cog_partida" text not null, "sat_clave_unidad" text not null, "ceiling_price" numeric not null, "currency_code" text not null default 'mxn', "iva_treatment" text check ("iva_treatment" in ('tasa_16', 'tasa_0', 'exento')) not null default 'tasa_16', "delivery_states" jsonb not null, "product_id" text null, "lot_id" text not null, "raw_ceiling_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "framework_item_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_framework_item_lot_id" ON "framework_item" ("lot_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_framework_item_deleted_at" ON "framework_item" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_framework_item_lot_id_code_unique" ON "framework_item" ("lot_id", "code") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_framework_item_unspsc_code" ON "framework_item" ("unspsc_code") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "fc_offer" ("id" text not null, "supplier_id" text not null, "price" numeric not null, "currency_code" text not null default 'mxn', "min_order_qty" integer not null default 1, "delivery_days" jsonb not null, "stock" integer null, "status" text check ("status" in ('active', 'withdrawn')) not null default 'active', "variant_id" text null, "item_id" text not null, "raw_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fc_offer_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fc_offer_item_id" ON "fc_offer" ("item_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fc_offer_deleted_at" ON "fc_offer" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fc_offer_item_id_supplier_id_unique" ON "fc_offer" ("item_id", "supplier_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "fc_offer_price" ("id" text not null, "price" numeric not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "request_id" text null, "offer_id" text not null, "raw_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fc_offer_price_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fc_offer_price_offer_id" ON "fc_offer_price" ("offer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fc_offer_price_deleted_at" ON "fc_offer_price" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "fc_offer_request" ("id" text not null, "kind" text check ("kind" in ('new_offer', 'price_change')) not null, "item_id" text not null, "contract_id" text not null, "supplier_id" text not null, "offer_id" text null, "price" numeric not null, "min_order_qty" integer not null default 1, "delivery_days" jsonb not null, "stock" integer null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "reason" text null, "requested_by" text not null, "reviewed_by" text null, "reviewed_at" timestamptz null, "raw_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fc_offer_request_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fc_offer_request_deleted_at" ON "fc_offer_request" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fc_offer_request_status" ON "fc_offer_request" ("status") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fc_offer_request_supplier_id" ON "fc_offer_request" ("supplier_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "fc_sanction" ("id" text not null, "supplier_rfc" text not null, "supplier_name" text not null, "type" text not null, "authority" text not null, "starts_on" timestamptz not null, "ends_on" timestamptz null, "reason" text null, "source" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fc_sanction_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fc_sanction_deleted_at" ON "fc_sanction" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fc_sanction_supplier_rfc" ON "fc_sanction" ("supplier_rfc") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fc_sanction_supplier_rfc_type_starts_on_unique" ON "fc_sanction" ("supplier_rfc", "type", "starts_on") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "fc_supplier_enrolment" ("id" text not null, "supplier_id" text not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "contract_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fc_supplier_enrolment_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fc_supplier_enrolment_contract_id" ON "fc_supplier_enrolment" ("contract_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fc_supplier_enrolment_deleted_at" ON "fc_supplier_enrolment" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fc_supplier_enrolment_contract_id_supplier_id_unique" ON "fc_supplier_enrolment" ("contract_id", "supplier_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "fc_unit_enrolment" ("id" text not null, "organization_id" text not null, "unit_id" text not null, "contract_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fc_unit_enrolment_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fc_unit_enrolment_contract_id" ON "fc_unit_enrolment" ("contract_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fc_unit_enrolment_deleted_at" ON "fc_unit_enrolment" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fc_unit_enrolment_contract_id_unit_id_unique" ON "fc_unit_enrolment" ("contract_id", "unit_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "unspsc_code" ("id" text not null, "code" text not null, "level" text check ("level" in ('segment', 'family', 'class', 'commodity')) not null, "parent_code" text null, "title_es" text not null, "title_en" text null, "version" text not null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "unspsc_code_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_unspsc_code_deleted_at" ON "unspsc_code" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_unspsc_code_code_unique" ON "unspsc_code" ("code") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_unspsc_code_parent_code" ON "unspsc_code" ("parent_code") WHERE deleted_at IS NULL;`)

    this.addSql(
      `alter table if exists "framework_lot" add constraint "framework_lot_contract_id_foreign" foreign key ("contract_id") references "framework_contract" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "framework_item" add constraint "framework_item_lot_id_foreign" foreign key ("lot_id") references "framework_lot" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "fc_offer" add constraint "fc_offer_item_id_foreign" foreign key ("item_id") references "framework_item" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "fc_offer_price" add constraint "fc_offer_price_offer_id_foreign" foreign key ("offer_id") references "fc_offer" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "fc_supplier_enrolment" add constraint "fc_supplier_enrolment_contract_id_foreign" foreign key ("contract_id") references "framework_contract" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "fc_unit_enrolment" add constraint "fc_unit_enrolment_contract_id_foreign" foreign key ("contract_id") references "framework_contract" ("id") on update cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "framework_lot" drop constraint if exists "framework_lot_contract_id_foreign";`)

    this.addSql(`alter table if exists "fc_supplier_enrolment" drop constraint if exists "fc_supplier_enrolment_contract_id_foreign";`)

    this.addSql(`alter table if exists "fc_unit_enrolment" drop constraint if exists "fc_unit_enrolment_contract_id_foreign";`)

    this.addSql(`alter table if exists "framework_item" drop constraint if exists "framework_item_lot_id_foreign";`)

    this.addSql(`alter table if exists "fc_offer" drop constraint if exists "fc_offer_item_id_foreign";`)

    this.addSql(`alter table if exists "fc_offer_price" drop constraint if exists "fc_offer_price_offer_id_foreign";`)

    this.addSql(`drop table if exists "cog_crosswalk" cascade;`)

    this.addSql(`drop table if exists "fc_contract_version" cascade;`)

    this.addSql(`drop table if exists "framework_contract" cascade;`)

    this.addSql(`drop table if exists "framework_lot" cascade;`)

    this.addSql(`drop table if exists "framework_item" cascade;`)

    this.addSql(`drop table if exists "fc_offer" cascade;`)

    this.addSql(`drop table if exists "fc_offer_price" cascade;`)

    this.addSql(`drop table if exists "fc_offer_request" cascade;`)

    this.addSql(`drop table if exists "fc_sanction" cascade;`)

    this.addSql(`drop table if exists "fc_supplier_enrolment" cascade;`)

    this.addSql(`drop table if exists "fc_unit_enrolment" cascade;`)

    this.addSql(`drop table if exists "unspsc_code" cascade;`)
  }
}
