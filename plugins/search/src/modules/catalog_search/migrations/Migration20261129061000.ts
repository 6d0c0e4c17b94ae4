import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: a version token of the PostgreSQL search index, bumped by a
 * statement trigger on every write to search_document and search_term. The
 * search route's result cache keys on it, so a change is served fresh by the
 * next search, in every server process (it is read from the database).
 */
const TABLES = ["search_document", "search_term"]

export class Migration20261129061000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "catalog_search_version" ("id" int primary key, "version" text not null);`)
    this.addSql(`insert into "catalog_search_version" ("id", "version") values (1, gen_random_uuid()::text) on conflict ("id") do nothing;`)
    this.addSql(`
      create or replace function catalog_search_bump_version() returns trigger language plpgsql as $$
      begin
        -- a random value, never a counter: a database restored from a backup
        -- (or a test template) comes back with a version that stands for
        -- exactly its data, and later writes never reuse a value a cache
        -- has seen; an upsert, so the row comes back after a TRUNCATE
        insert into catalog_search_version (id, version) values (1, gen_random_uuid()::text)
          on conflict (id) do update set version = excluded.version;
        return null;
      end $$;`)
    for (const table of TABLES) {
      this.addSql(`drop trigger if exists catalog_search_version_bump on "${table}";`)
      this.addSql(`create trigger catalog_search_version_bump after insert or update or delete or truncate on "${table}"
        for each statement execute function catalog_search_bump_version();`)
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`drop trigger if exists catalog_search_version_bump on "${table}";`)
    }
    this.addSql(`drop function if exists catalog_search_bump_version();`)
    this.addSql(`drop table if exists "catalog_search_version";`)
  }
}
