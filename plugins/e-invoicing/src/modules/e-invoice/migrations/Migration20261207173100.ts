import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The acta de entrega-recepción of each reception (rendered documents, digests, e.firma signature). */
export class Migration20261207173100 extends Migration {
  override async up(): Promise<void> {
    const base = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "einv_reception_acta" ("id" text not null, "reception_id" text not null, "agency_id" text not null, "supplier_id" text not null, "folio" text not null, "template_code" text not null, "template_version" integer not null, "data" jsonb not null, "html" text not null, "pdf_base64" text not null, "data_sha256" text not null, "html_sha256" text not null, "pdf_sha256" text not null, "document_sha256" text not null, "status" text check ("status" in ('pending_signature', 'signed')) not null default 'pending_signature', "signed_by_person_id" text null, "signed_at" timestamptz null, "certificate_serial" text null, "signature" text null, "payload_sha256" text null, ${base}, constraint "einv_reception_acta_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_reception_acta_deleted_at" ON "einv_reception_acta" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_reception_acta_reception_id_unique" ON "einv_reception_acta" ("reception_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_einv_reception_acta_folio_unique" ON "einv_reception_acta" ("folio") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_einv_reception_acta_agency_id_status" ON "einv_reception_acta" ("agency_id", "status") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "einv_reception_acta" cascade;`)
  }
}
