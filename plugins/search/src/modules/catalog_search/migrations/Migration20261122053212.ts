import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122053212 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "search_document" ("id" text not null, "contract_id" text not null, "contract_title" text not null, "lot_id" text not null, "name" text not null, "unspsc_code" text not null, "segment_code" text not null, "segment_title" text not null, "family_code" text not null, "family_title" text not null, "class_code" text not null, "class_title" text not null, "search_text" text not null, "offer_keys" text[] not null, "supplier_ids" text[] not null, "sme_supplier_ids" text[] not null, "zones" text[] not null, "unit_ids" text[] not null, "min_cents" integer null, "max_cents" integer null, "delivery" jsonb not null, "source" jsonb not null, "indexed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_document_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_search_document_deleted_at" ON "search_document" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_contract_id" ON "search_document" ("contract_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "search_term" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_term_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_search_term_deleted_at" ON "search_term" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_document" cascade;`)

    this.addSql(`drop table if exists "search_term" cascade;`)
  }
}
