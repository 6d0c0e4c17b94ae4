import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122023558 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "known_permission" drop constraint if exists "known_permission_code_unique";`)
    this.addSql(
      `create table if not exists "known_permission" ("id" text not null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "known_permission_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_known_permission_deleted_at" ON "known_permission" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_known_permission_code_unique" ON "known_permission" ("code") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "known_permission" cascade;`)
  }
}
