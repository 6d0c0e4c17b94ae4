import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Bearer tokens ended by logout (SHA-256 only), refused by the guard until they expire. */
export class Migration20261207143000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "ops_revoked_token" ("id" text not null, "token_hash" text not null, "actor_type" text not null, "actor_id" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ops_revoked_token_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ops_revoked_token_deleted_at" ON "ops_revoked_token" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ops_revoked_token_token_hash_unique" ON "ops_revoked_token" ("token_hash") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ops_revoked_token" cascade;`)
  }
}
