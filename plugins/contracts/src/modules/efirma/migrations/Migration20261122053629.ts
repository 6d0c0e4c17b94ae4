import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122053629 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "efirma_certificate" drop constraint if exists "efirma_certificate_serial_unique";`)
    this.addSql(
      `create table if not exists "efirma_certificate" ("id" text not null, "person_id" text not null, "organization_id" text null, "serial" text not null, "serial_hex" text not null, "rfc" text not null, "subject_name" text not null, "subject" text not null, "issuer" text not null, "valid_from" timestamptz not null, "valid_to" timestamptz not null, "der" text not null, "fingerprint_sha256" text not null, "status" text check ("status" in ('active', 'revoked')) not null default 'active', "registered_at" timestamptz not null, "revoked_at" timestamptz null, "revocation_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "efirma_certificate_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_efirma_certificate_deleted_at" ON "efirma_certificate" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_efirma_certificate_serial_unique" ON "efirma_certificate" ("serial") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_efirma_certificate_person_id" ON "efirma_certificate" ("person_id") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "efirma_certificate" cascade;`)
  }
}
