import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: makes the ledger append-only in the database itself.
 * - sequence columns become bigint;
 * - triggers raise on UPDATE, DELETE and TRUNCATE of audit_entry and
 *   audit_checkpoint, for every role (a superuser must explicitly
 *   `ALTER TABLE … DISABLE TRIGGER`, which `npm run audit:verify` then
 *   exposes through the broken hash chain).
 */
export class Migration20261122031916 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_entry" alter column "sequence" type bigint;`)
    this.addSql(`alter table "audit_checkpoint" alter column "first_sequence" type bigint;`)
    this.addSql(`alter table "audit_checkpoint" alter column "last_sequence" type bigint;`)
    this.addSql(`create unique index if not exists "audit_entry_sequence_key" on "audit_entry" ("sequence");`)
    // The chain head: one row, locked FOR UPDATE by every append.
    this.addSql(
      `create table if not exists "audit_chain_head" ("id" integer primary key check ("id" = 1), "last_sequence" bigint not null, "last_hash" text not null);`,
    )
    // Each hash can precede exactly one entry: the chain cannot fork.
    this.addSql(`create unique index if not exists "audit_entry_previous_hash_key" on "audit_entry" ("previous_hash");`)
    this.addSql(`create or replace function audit_ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'La bitácora de auditoría es de solo adición: % no está permitido en %.', TG_OP, TG_TABLE_NAME
    using errcode = 'insufficient_privilege';
end
$$;`)
    for (const table of ["audit_entry", "audit_checkpoint"]) {
      this.addSql(`drop trigger if exists "${table}_append_only" on "${table}";`)
      this.addSql(
        `create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function audit_ledger_refuse_change();`,
      )
      this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`)
      this.addSql(
        `create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function audit_ledger_refuse_change();`,
      )
    }
  }

  override async down(): Promise<void> {
    for (const table of ["audit_entry", "audit_checkpoint"]) {
      this.addSql(`drop trigger if exists "${table}_append_only" on "${table}";`)
      this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`)
    }
    this.addSql(`drop function if exists audit_ledger_refuse_change();`)
    this.addSql(`drop index if exists "audit_entry_sequence_key";`)
    this.addSql(`drop index if exists "audit_entry_previous_hash_key";`)
    this.addSql(`drop table if exists "audit_chain_head";`)
  }
}
