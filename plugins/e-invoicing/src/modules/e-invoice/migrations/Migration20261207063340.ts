import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207063340 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "supplier_bank_account" drop constraint if exists "supplier_bank_account_supplier_id_unique";`)
    this.addSql(
      `create table if not exists "supplier_bank_account" ("id" text not null, "supplier_id" text not null, "clabe" text not null, "bank_code" text not null, "bank_tag" text not null, "bank_name" text not null, "plaza" text null, "holder_name" text not null, "holder_rfc" text not null, "status" text check ("status" in ('active', 'replaced')) not null default 'active', "replaced_at" timestamptz null, "replaced_by_id" text null, "signed_by_person_id" text not null, "efirma_serial" text not null, "signature" text not null, "payload_sha256" text not null, "signed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_bank_account_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_supplier_bank_account_deleted_at" ON "supplier_bank_account" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_supplier_bank_account_supplier_id_status" ON "supplier_bank_account" ("supplier_id", "status") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_bank_account_supplier_id_unique" ON "supplier_bank_account" ("supplier_id") WHERE status = 'active' AND deleted_at IS NULL;`,
    )
    // A CLABE is 18 digits, whatever code path writes it (the check digit is checked in analyzeClabe).
    this.addSql(`alter table "supplier_bank_account" add constraint "supplier_bank_account_clabe_formato" check ("clabe" ~ '^[0-9]{18}$');`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "supplier_bank_account" cascade;`)
  }
}
