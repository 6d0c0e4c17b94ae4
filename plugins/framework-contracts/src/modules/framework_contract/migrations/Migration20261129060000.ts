import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: a version token of the eligibility facts (contracts,
 * supplier and unit enrolments, sanctions), bumped by a statement trigger on
 * every write to those tables, whoever writes. Readers (the catalog search's
 * scope cache) compare it before reusing what they computed; because the
 * bump is an ordinary row update it becomes visible with the data it stands
 * for, never before (a sequence would be visible before the commit).
 */
const TABLES = ["framework_contract", "fc_supplier_enrolment", "fc_unit_enrolment", "fc_sanction"]

export class Migration20261129060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "fc_eligibility_version" ("id" int primary key, "version" text not null);`)
    this.addSql(`insert into "fc_eligibility_version" ("id", "version") values (1, gen_random_uuid()::text) on conflict ("id") do nothing;`)
    this.addSql(`
      create or replace function fc_bump_eligibility_version() returns trigger language plpgsql as $$
      begin
        -- a random value, never a counter: a database restored from a backup
        -- (or a test template) comes back with a version that stands for
        -- exactly its data, and later writes never reuse a value a cache
        -- has seen; an upsert, so the row comes back after a TRUNCATE
        insert into fc_eligibility_version (id, version) values (1, gen_random_uuid()::text)
          on conflict (id) do update set version = excluded.version;
        return null;
      end $$;`)
    for (const table of TABLES) {
      this.addSql(`drop trigger if exists fc_eligibility_version_bump on "${table}";`)
      this.addSql(`create trigger fc_eligibility_version_bump after insert or update or delete or truncate on "${table}"
        for each statement execute function fc_bump_eligibility_version();`)
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`drop trigger if exists fc_eligibility_version_bump on "${table}";`)
    }
    this.addSql(`drop function if exists fc_bump_eligibility_version();`)
    this.addSql(`drop table if exists "fc_eligibility_version";`)
  }
}
