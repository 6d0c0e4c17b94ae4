import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Delegations can be revoked (they stop acting at once) and last at most the
 * agency policy's `max_delegation_days`.
 */
export class Migration20261207142000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "rq_delegation" add column if not exists "revoked_at" timestamptz null, add column if not exists "revoked_by_person_id" text null, add column if not exists "revocation_reason" text null;`,
    )
    this.addSql(`alter table if exists "rq_approval_policy" add column if not exists "max_delegation_days" integer not null default 90;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "rq_approval_policy" drop column if exists "max_delegation_days";`)
    this.addSql(
      `alter table if exists "rq_delegation" drop column if exists "revoked_at", drop column if exists "revoked_by_person_id", drop column if exists "revocation_reason";`,
    )
  }
}
