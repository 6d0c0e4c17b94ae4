import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The append-only OCDS release store (written by hand in the shape medusa db:generate produces, plus the append-only trigger). */
export class Migration20261208150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "tr_ocds_release" ("id" text not null, "ocid" text not null, "release_id" text not null, "process_kind" text check ("process_kind" in ('framework', 'competition', 'call_off')) not null, "source_id" text not null, "tags" jsonb not null, "date" timestamptz not null, "data" jsonb not null, "data_sha256" text not null, "source_event" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tr_ocds_release_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tr_ocds_release_ocid_release_id_unique" ON "tr_ocds_release" (ocid, release_id);`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tr_ocds_release_ocid_data_sha256_unique" ON "tr_ocds_release" (ocid, data_sha256);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tr_ocds_release_date" ON "tr_ocds_release" (date);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tr_ocds_release_source_id" ON "tr_ocds_release" (source_id);`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tr_ocds_release_deleted_at" ON "tr_ocds_release" (deleted_at) WHERE deleted_at IS NULL;`)
    // published releases are never changed nor removed: a correction is a new release
    this.addSql(`CREATE OR REPLACE FUNCTION tr_ocds_release_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'OCDS releases are append-only (%)', TG_OP USING ERRCODE = 'check_violation';
      END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS tr_ocds_release_append_only ON "tr_ocds_release";`)
    this.addSql(
      `CREATE TRIGGER tr_ocds_release_append_only BEFORE UPDATE OR DELETE ON "tr_ocds_release" FOR EACH ROW EXECUTE FUNCTION tr_ocds_release_append_only();`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tr_ocds_release" cascade;`)
    this.addSql(`drop function if exists tr_ocds_release_append_only();`)
  }
}
