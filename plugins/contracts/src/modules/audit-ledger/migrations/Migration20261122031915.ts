import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122031915 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "audit_entry" drop constraint if exists "audit_entry_sequence_unique";`)
    this.addSql(`alter table if exists "audit_checkpoint" drop constraint if exists "audit_checkpoint_day_unique";`)
    this.addSql(
      `create table if not exists "audit_checkpoint" ("id" text not null, "day" text not null, "entry_count" integer not null, "merkle_root" text not null, "first_sequence" integer null, "last_sequence" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_checkpoint_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_checkpoint_deleted_at" ON "audit_checkpoint" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audit_checkpoint_day_unique" ON "audit_checkpoint" ("day") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "audit_entry" ("id" text not null, "sequence" integer not null, "previous_hash" text not null, "entry_hash" text not null, "actor_type" text not null, "actor_id" text not null, "role" text null, "action" text not null, "entity_type" text not null, "entity_id" text not null, "before_digest" text null, "after_digest" text null, "signature" text null, "certificate_serial" text null, "server_time" timestamptz not null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audit_entry_sequence_unique" ON "audit_entry" ("sequence") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_entity_type_entity_id" ON "audit_entry" ("entity_type", "entity_id") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_checkpoint" cascade;`)

    this.addSql(`drop table if exists "audit_entry" cascade;`)
  }
}
